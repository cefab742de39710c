import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.engine.StandardCapabilities;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;

/**
 * The GPU bundle's first Java step (run-on-device.sh): which engine, libtorch, flavor and device DJL got, and one
 * matrix product on that device, so a broken JNI or a CPU fallback shows up before any training starts.
 * Compiled by bundle.sh into lib/gpu-probe.jar; not part of the application.
 *
 * <p>Usage: {@code EngineProbe [--require-gpu]}; exits 1 when asked for a GPU and none is usable.
 */
public final class EngineProbe {

    private EngineProbe() {}

    public static void main(String[] args) {
        boolean requireGpu = args.length > 0 && "--require-gpu".equals(args[0]);
        Engine engine = Engine.getInstance();
        boolean cuda = engine.hasCapability(StandardCapabilities.CUDA);
        int gpus = engine.getGpuCount();
        System.out.println("djl: " + Engine.getDjlVersion());
        System.out.println("engine: " + engine.getEngineName() + " " + engine.getVersion());
        System.out.println("libtorch: " + LibUtils.getLibtorchPath());
        System.out.println("flavor (PYTORCH_FLAVOR): " + System.getenv("PYTORCH_FLAVOR"));
        System.out.println("capabilities: cuda=" + cuda + " cudnn=" + engine.hasCapability(StandardCapabilities.CUDNN)
                + " mkldnn=" + engine.hasCapability(StandardCapabilities.MKLDNN));
        System.out.println("gpus: " + gpus + (gpus > 0 ? " (compute capability "
                + CudaUtils.getComputeCapability(0) + ", CUDA runtime " + CudaUtils.getCudaVersionString() + ")" : ""));
        Device device = gpus > 0 ? Device.gpu() : Device.cpu();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            engine.setRandomSeed(1995);
            NDArray a = manager.randomNormal(new Shape(1024, 1024));
            long start = System.nanoTime();
            float sum = a.matMul(a).sum().getFloat();
            System.out.printf("device: %s; 1024x1024 matmul checksum %.3f in %.1f ms (first call, includes set-up)%n",
                    a.getDevice(), sum, (System.nanoTime() - start) / 1e6);
        }
        if (requireGpu && (!cuda || gpus == 0)) {
            System.out.println("FAIL: a GPU was required but DJL sees none (see the lines above)");
            System.exit(1);
        }
    }
}
