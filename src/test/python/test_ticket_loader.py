"""Tests of src/scripts/ticket_loader.py as a module: load_ticket(path) -> nn.Module reproduces the workbench.

Tickets are made by the workbench itself (two tiny runs, a few seconds each) and its own logits are computed by
its Java forward pass (src/test/java/org/supertickets/ticket/WorkbenchLogits.java), so build first:

    mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
    PATH=/usr/bin:$PATH python3 -m unittest discover -s src/test/python -v

Needs PyTorch and numpy (Debian: apt-get install python3-torch) and a JDK 17 `java` on PATH. The tests that need
the workbench are skipped, saying why, when the build above is missing; the ones on the version-2 ticket kept in
src/test/resources need only Python. `mvn test` does not run these (CI has no torch); PythonLoaderTest and
GroupedSkipTicketTest there check the loader's command line and logits where /usr/bin/python3 imports torch.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import numpy as np
import torch

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "src", "scripts"))
import ticket_loader  # noqa: E402  (after the path is set)
from ticket_loader import load_ticket, preprocess  # noqa: E402

LOADER = os.path.join(ROOT, "src", "scripts", "ticket_loader.py")
ASSETS = os.path.join(ROOT, "assets")
V2_TICKET = os.path.join(ROOT, "src", "test", "resources", "org", "supertickets", "ticket", "v2-ticket")
CLASSPATH_FILE = os.path.join(ROOT, "target", "classpath.txt")
BUILD = "mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt"
# Largest difference allowed between this module's logits and the workbench's (float32, logits of order 1-10; the
# two engines sum in different orders).
LOGIT_TOLERANCE = 1e-4


def why_no_workbench():
    """None when the workbench's classes and classpath are built and `java` runs; else the reason."""
    for path in ("target/classes", "target/test-classes", "target/classpath.txt"):
        if not os.path.exists(os.path.join(ROOT, path)):
            return f"{path} is missing; build it first: {BUILD}"
    if shutil.which("java") is None:
        return "no `java` on PATH (JDK 17)"
    return None


def java(*args, cwd=ROOT):
    """Runs a main class of the workbench with its test classpath; raises with its output when it fails."""
    with open(CLASSPATH_FILE, encoding="utf-8") as f:
        classpath = os.pathsep.join([os.path.join(ROOT, "target", "test-classes"),
                                     os.path.join(ROOT, "target", "classes"), f.read().strip()])
    env = dict(os.environ, OMP_NUM_THREADS="1")
    done = subprocess.run(["java", "-cp", classpath, *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        raise AssertionError(f"java {' '.join(args)} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def tiny_config(sample, out, changes):
    """A sample config with nested fields replaced, e.g. {"data": {"testLimit": 200}}, written to `out`."""
    with open(os.path.join(ROOT, "sample-configs", sample), encoding="utf-8") as f:
        config = json.load(f)
    for key, value in changes.items():
        if isinstance(value, dict):
            config[key].update(value)
        else:
            config[key] = value
    with open(out, "w", encoding="utf-8") as f:
        json.dump(config, f)
    return out


def run_ticket(workdir, name, config):
    """Trains `config` with the workbench's `run` command and returns its ticket folder."""
    runs = os.path.join(workdir, name)
    java("org.supertickets.cli.Main", "run", config, "--out", runs, "--device", "cpu")
    (run,) = os.listdir(runs)
    return os.path.join(runs, run, "ticket")


def workbench_logits(ticket, x):
    """The workbench's logits (its Java forward pass) for the normalised batch `x`."""
    with tempfile.TemporaryDirectory() as tmp:
        inp, out = os.path.join(tmp, "x.f32"), os.path.join(tmp, "logits.f32")
        np.ascontiguousarray(x.numpy(), dtype="<f4").tofile(inp)
        java("org.supertickets.ticket.WorkbenchLogits", ticket, inp, out)
        return torch.from_numpy(np.fromfile(out, dtype="<f4"))


def first_test_images(net, count):
    """The first `count` test images and labels, found through ticket.json's structured input.testSet alone."""
    test = net.manifest["input"]["testSet"]
    assert test["selection"] == "FILE_ORDER", test
    folder = os.path.join(ROOT, test["folder"]) if test["folder"].startswith("assets/") else test["folder"]

    def read(name):
        path = os.path.join(folder, name)
        return ticket_loader.read_idx(path if os.path.exists(path) else path + ".gz")
    images, labels = read(test["files"][0]), read(test["files"][1])
    return images[:count, None], labels[:count]


class WorkbenchTickets(unittest.TestCase):
    """A classification and a segmentation ticket trained by the workbench once for all tests of this class."""

    @classmethod
    def setUpClass(cls):
        reason = why_no_workbench()
        if reason:
            raise unittest.SkipTest(reason)
        cls.workdir = tempfile.mkdtemp(prefix="ticket-loader-test-")
        cls.classification = run_ticket(cls.workdir, "classification", tiny_config("demo.json", os.path.join(
            cls.workdir, "tiny.json"), {
                "name": "python-tiny", "seed": 5,
                "data": {"trainLimit": 640, "testLimit": 200},
                "stem": {"channels": 6, "kernelSize": 3, "stride": 2},
                "stages": [{"channels": 12, "repeats": 1, "stride": 2, "kernelSizes": [3, 5], "expansionRatio": 2},
                           {"channels": 16, "repeats": 1, "stride": 2, "kernelSizes": [3, 5], "expansionRatio": 2}],
                "head": {"channels": 32},
                "training": {"epochs": 2, "batchSize": 32, "device": "cpu"},
                "search": {"evalIntervalEpochs": 1.0, "rho": 0.03},
                "pruning": {"intervalEpochs": 1.0, "targetSparsity": 0.5, "increment": 0.2}}))
        # The segmentation demo shrunk as TinySegmentationRun does: 32 x 32 canvases, 96 to train, 24 to test.
        cls.segmentation = run_ticket(cls.workdir, "segmentation", tiny_config("segmentation-demo.json", os.path.join(
            cls.workdir, "tiny-segmentation.json"), {
                "name": "python-tiny-segmentation",
                "data": {"height": 32, "width": 32, "trainLimit": 96, "testLimit": 24},
                "training": {"epochs": 2, "batchSize": 16, "evalBatchSize": 24, "device": "cpu"},
                "pruning": {"intervalEpochs": 0.5, "targetSparsity": 0.2, "cubicEndEpoch": 1.3},
                "search": {"evalIntervalEpochs": 0.5, "rhoWarmupEpochs": 0.1, "macsTargetEndEpoch": 1.2,
                           "bnRecalibrationBatches": 2}}))
        cls.canvases = os.path.join(cls.workdir, "canvases")
        java("org.supertickets.cli.Main", "export", cls.segmentation, "--test-canvases", cls.canvases)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.workdir, ignore_errors=True)

    def test_load_ticket_is_an_eval_module_holding_the_tickets_tensors(self):
        net = load_ticket(self.classification)
        self.assertIsInstance(net, torch.nn.Module)
        self.assertFalse(net.training, "eval mode: BN uses the ticket's statistics")
        tensors, _ = ticket_loader.read_safetensors(os.path.join(self.classification, "weights.safetensors"))
        state = {k: v for k, v in net.state_dict().items() if not k.endswith("num_batches_tracked")}
        renamed = {}
        for name, value in tensors.items():
            if name.endswith(".mask") or name.startswith("origin/"):
                continue
            for old, new in ticket_loader.BN_RENAMES.items():
                if name.endswith(old):
                    name = name[: -len(old)] + new
                    break
            renamed[name] = value
        self.assertEqual(set(renamed), set(state))
        for name, value in renamed.items():
            self.assertTrue(torch.equal(torch.from_numpy(value), state[name]), name)
        pruned = sum(int((~m).sum()) for m in net.masks.values())
        self.assertGreater(pruned, 0, "the ticket is pruned")
        for layer, mask in net.masks.items():
            self.assertTrue(torch.all(state[layer + ".weight"][~mask] == 0), f"{layer}: pruned weights are zero")

    def test_the_modules_logits_are_the_workbenchs_on_the_test_images(self):
        net = load_ticket(self.classification)
        images, labels = first_test_images(net, 64)
        x = preprocess(net, images)
        with torch.no_grad():
            logits = net(x)
        expected = workbench_logits(self.classification, x).reshape(logits.shape)
        self.assertLess(float((logits - expected).abs().max()), LOGIT_TOLERANCE)
        self.assertTrue(torch.equal(logits.argmax(1), expected.argmax(1)), "the same predicted classes")
        self.assertGreater(len(set(logits.argmax(1).tolist())), 1, "more than one class predicted")

    def test_the_module_scores_the_reported_accuracy_on_the_test_split_ticket_json_describes(self):
        net = load_ticket(self.classification)
        correct, images = ticket_loader.evaluate(net, ASSETS)
        self.assertEqual(net.manifest["input"]["testSet"]["images"], images)
        self.assertEqual(net.manifest["metrics"]["testAccuracy"], correct / images)

    def test_the_command_line_prints_the_documented_json_line(self):
        done = subprocess.run([sys.executable, LOADER, self.classification], capture_output=True, text=True,
                              timeout=300)
        self.assertEqual(0, done.returncode, done.stderr)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        self.assertEqual({"accuracy", "correct", "images", "reported"}, set(result))
        self.assertEqual(result["reported"], result["accuracy"])
        self.assertEqual(200, result["images"])

    def test_torch_jit_script_compiles_it_to_the_same_logits_and_it_saves_and_loads(self):
        for ticket in (self.classification, self.segmentation):
            with self.subTest(ticket=os.path.basename(os.path.dirname(os.path.dirname(ticket)))):
                net = load_ticket(ticket)
                scripted = torch.jit.script(net)
                arch = net.manifest["architecture"]
                x = torch.randn(3, arch["inChannels"], arch["inHeight"], arch["inWidth"],
                                generator=torch.Generator().manual_seed(3))
                with torch.no_grad():
                    expected = net(x)
                    self.assertTrue(torch.equal(expected, scripted(x)))
                    path = os.path.join(self.workdir, "scripted.pt")
                    scripted.save(path)
                    self.assertTrue(torch.equal(expected, torch.jit.load(path)(x)))

    def test_a_saved_state_dict_loads_into_a_fresh_ticket_net(self):
        net = load_ticket(self.classification)
        fresh = ticket_loader.TicketNet(net.manifest["architecture"], net.manifest["bnEpsilon"]).eval()
        fresh.load_state_dict(net.state_dict())
        x = torch.randn(2, 1, 28, 28, generator=torch.Generator().manual_seed(1))
        with torch.no_grad():
            self.assertTrue(torch.equal(net(x), fresh(x)))

    def test_a_segmentation_tickets_pixel_logits_are_the_workbenchs(self):
        net = load_ticket(self.segmentation)
        self.assertTrue(net.segments)
        images = ticket_loader.read_idx(os.path.join(self.canvases, "test-images-idx3-ubyte"))[:, None]
        self.assertEqual(net.manifest["input"]["testSet"]["images"], len(images))
        x = preprocess(net, images[:8])
        with torch.no_grad():
            logits = net(x)
        self.assertEqual((8, net.manifest["architecture"]["classes"], 32, 32), tuple(logits.shape))
        expected = workbench_logits(self.segmentation, x).reshape(logits.shape)
        self.assertLess(float((logits - expected).abs().max()), LOGIT_TOLERANCE)

    def test_a_segmentation_ticket_scores_its_reported_mean_iou_on_its_test_canvases(self):
        net = load_ticket(self.segmentation)
        result = ticket_loader.evaluate_segmentation(net, os.path.join(self.canvases, "test-images-idx3-ubyte"),
                                                     os.path.join(self.canvases, "test-masks-idx3-ubyte"))
        metrics = net.manifest["metrics"]
        self.assertEqual(metrics["testMeanIou"], result["mean_iou"])
        self.assertEqual(metrics["testAccuracy"], result["pixel_accuracy"])
        self.assertEqual(net.manifest["input"]["canvas"]["height"] * net.manifest["input"]["canvas"]["width"]
                         * result["images"], result["pixels"])


class KeptTickets(unittest.TestCase):
    """What needs no workbench: the version-2 ticket kept in src/test/resources, and networks built here."""

    def test_a_version_2_ticket_loads_and_scores_its_reported_accuracy(self):
        net = load_ticket(V2_TICKET)
        self.assertEqual("supertickets-ticket/2", net.manifest["format"])
        self.assertNotIn("testSet", net.manifest["input"], "written before the structured fields")
        correct, images = ticket_loader.evaluate(net, ASSETS)
        self.assertEqual(200, images)
        self.assertEqual(net.manifest["metrics"]["testAccuracy"], correct / images)

    def test_blocks_without_branches_and_single_branches_script_too(self):
        def block(index, cin, cout, stride, hidden):
            return {"index": index, "inChannels": cin, "outChannels": cout, "stride": stride, "inHeight": 8,
                    "inWidth": 8, "branches": [{"kernelSize": k, "hiddenChannels": h, "maxChannels": 8}
                                               for k, h in zip((3, 5, 7), hidden)]}
        for task in ("CLASSIFICATION", "SEGMENTATION"):
            arch = {"inChannels": 1, "inHeight": 16, "inWidth": 16, "stemChannels": 4, "stemKernel": 3,
                    "stemStride": 2, "headChannels": 6, "classes": 3, "skipPath": "GROUPED", "task": task,
                    "blocks": [block(0, 4, 4, 1, (0, 0, 0)), block(1, 4, 6, 2, (0, 5, 0)),
                               block(2, 6, 6, 1, (2, 0, 3))]}
            with self.subTest(task=task):
                torch.manual_seed(0)
                net = ticket_loader.TicketNet(arch).eval()
                self.assertNotIn("blocks.0.expand.weight", net.state_dict(), "no tensors for a removed body")
                x = torch.randn(2, 1, 16, 16)
                with torch.no_grad():
                    self.assertTrue(torch.equal(net(x), torch.jit.script(net)(x)))


if __name__ == "__main__":
    unittest.main()
