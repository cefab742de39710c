package org.supertickets.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supertickets.model.BatchNormMode;
import org.supertickets.model.NetworkInitializer;
import org.supertickets.model.NetworkState;
import org.supertickets.model.RandomisedStates;
import org.supertickets.model.Supernet;
import org.supertickets.space.Architecture;
import org.supertickets.space.ConfigResolver;
import org.supertickets.space.DataConfig;
import org.supertickets.space.HeadConfig;
import org.supertickets.space.NetworkConfig;
import org.supertickets.space.SearchSpaceConfig;
import org.supertickets.space.SkipPath;
import org.supertickets.space.StageConfig;
import org.supertickets.space.StemConfig;
import org.supertickets.ticket.Ticket;
import org.supertickets.ticket.TicketGraphNode;
import org.supertickets.ticket.TicketInput;
import org.supertickets.ticket.TicketIo;
import org.supertickets.ticket.TicketProvenance;

/**
 * A ticket with the official grouped skip and BN epsilon 1e-3 keeps both through its files, and ONNX Runtime and
 * the Python loader compute from it the logits the workbench computes (no training: random weights and BN
 * statistics are as good a check of the graph as trained ones, and take no time).
 */
class GroupedSkipTicketTest {

    @TempDir
    Path tmp;

    @Test
    void aGroupedSkipTicketRoundTripsAndRunsInOnnxRuntimeAsInTheWorkbench() throws Exception {
        SearchSpaceConfig config = ConfigResolver.resolve(new SearchSpaceConfig("grouped",
                new DataConfig("idx", "/x", 1, 8, 8, 3, 0.0, 0, 0, false), new StemConfig(4, 3, 1),
                List.of(new StageConfig(6, 1, 2, List.of(3, 5), 1), new StageConfig(9, 1, 1, List.of(3), 1)),
                new HeadConfig(5), null, null, null, 1L).withNetwork(new NetworkConfig("grouped", 1e-3, null, null)));
        Architecture a = Architecture.supernet(config);
        NetworkState network = RandomisedStates.randomised(NetworkInitializer.initialize(a, 3), 8,
                (name, i) -> i % 3 == 0);
        Path folder = tmp.resolve("ticket");
        // A ticket is read only with the config it came from (its supernet is rebuilt from it and checked).
        TicketProvenance provenance = new TicketProvenance(config, "h", 1, "grouped", 0, 0, "now", "none", "cpu", "0",
                "end");
        TicketIo.write(folder, new Ticket(TicketIo.manifest(network, 0.5, 0.5, a.macs(), a.params(), provenance),
                network));
        assertFalse(Files.readString(folder.resolve(TicketIo.MANIFEST)).contains("skip_bn"));
        Ticket ticket = TicketIo.read(folder);
        assertEquals(SkipPath.GROUPED, ticket.network().architecture().skipPath());
        assertEquals(1e-3, ticket.manifest().bnEpsilon());
        TicketGraphNode skip1 = ticket.manifest().graph().stream().filter(n -> n.name().equals("blocks.1.skip"))
                .findFirst().orElseThrow();
        assertEquals(3, skip1.attributes().get("group"), "gcd(6, 9) = 3");

        int n = 3;
        float[] x = new float[n * 64];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        float[] workbench;
        try (NDManager root = NDManager.newBaseManager(Device.cpu());
                Supernet net = Supernet.load(ticket.network(), root, Device.cpu())) {
            workbench = net.forward(root.create(x, new Shape(n, 1, 8, 8)), BatchNormMode.EVAL).toFloatArray();
        }
        TicketInput input = new TicketInput(TicketInput.LAYOUT, 1, 8, 8, 255, "test", new float[] {0},
                new float[] {1}, TicketInput.FORMULA, null, "none", null, null, null);
        byte[] model = TicketOnnxExport.encode(ticket, input, "test");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(model, options);
                OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[] {n, 1, 8, 8});
                OrtSession.Result result = session.run(Map.of("input", tensor))) {
            float[][] logits = (float[][]) result.get(0).getValue();
            double largest = 0;
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < 3; k++) {
                    assertEquals(workbench[i * 3 + k], logits[i][k], 1e-4, "logit " + i + "," + k);
                    largest = Math.max(largest, Math.abs(logits[i][k]));
                }
            }
            assertTrue(largest > 1e-3, "the logits are not all zero");
        }
        pythonLoaderLogitsMatch(folder, x, n, workbench);
    }

    /**
     * {@code src/scripts/ticket_loader.py} builds the same network from the ticket folder (where
     * {@code /usr/bin/python3} imports torch; elsewhere this part is skipped and says why).
     */
    private void pythonLoaderLogitsMatch(Path folder, float[] x, int n, float[] workbench) throws Exception {
        if (!Files.isExecutable(Path.of(PythonLoaderTest.PYTHON)) || new ProcessBuilder(PythonLoaderTest.PYTHON,
                "-c", "import torch, numpy").start().waitFor() != 0) {
            System.out.println("GroupedSkipTicketTest: the Python loader part is skipped (" + PythonLoaderTest.PYTHON
                    + " cannot import torch; apt-get install python3-torch)");
            return;
        }
        Path input = tmp.resolve("input.f32");
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(x.length * 4).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(x);
        Files.write(input, bytes.array());
        String script = String.join("\n", "import sys, json, numpy as np, torch",
                "sys.path.insert(0, 'src/scripts')",
                "from ticket_loader import load_ticket",
                "net = load_ticket(sys.argv[1])",
                "x = torch.from_numpy(np.fromfile(sys.argv[2], dtype='<f4').reshape(" + n + ", 1, 8, 8))",
                "print(json.dumps(net(x).detach().numpy().reshape(-1).tolist()))");
        Process p = new ProcessBuilder(PythonLoaderTest.PYTHON, "-c", script, folder.toString(), input.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        String last = out.strip().lines().reduce((a, b) -> b).orElse("");
        com.fasterxml.jackson.databind.JsonNode logits = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(last);
        assertEquals(workbench.length, logits.size(), out);
        for (int i = 0; i < workbench.length; i++) {
            assertEquals(workbench[i], logits.get(i).asDouble(), 1e-4, "Python logit " + i);
        }
    }
}
