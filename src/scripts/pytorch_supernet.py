#!/usr/bin/env python3
"""The yardstick for `bench CONFIG --vs-pytorch`: the supernet a workbench config describes, trained the way a
PyTorch user would write it (eager mode, one module per layer), with the same loss terms and optimiser.

Same as the workbench's training step:
  * stem conv+BN+ReLU; per block: optional strided 1x1 skip conv + BN; for each kernel branch a 1x1 expand conv
    + BN + ReLU, a kxk depthwise conv (stride) + BN + ReLU and a 1x1 projection; the branches' outputs summed,
    one shared BN; + skip; head 1x1 conv + BN + ReLU; global average pool; linear classifier;
  * masks multiply the raw conv weights in the forward pass (every conv is prunable, as in the workbench);
  * loss = cross-entropy + 0.5 wd sum(w^2) over conv/linear weights + sum_i rho pen_i |gamma_i| over the BN
    scales after depthwise convs (pen = 1 here: the weighting does not change the cost of a step);
  * SGD with momentum, batch and threads from the arguments.
Expand and projection convs are one module per branch, as in the official code (the workbench stores them
merged, one tensor per block, and runs each branch on its slice).

Prints one JSON line: {"images_per_second": ..., "cpu_seconds_per_step": ..., "steps": ...}.
Needs only Debian's python3-torch (run it with /usr/bin/python3). `--device cuda` times the same step on a GPU
(the line then also names the device); the default is the CPU.
"""
import argparse
import json
import math
import resource
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class MaskedConv(nn.Module):
    def __init__(self, cin, cout, k, stride=1, groups=1):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(cout, cin // groups, k, k))
        nn.init.kaiming_normal_(self.weight, mode="fan_out", nonlinearity="relu")
        self.register_buffer("mask", torch.ones_like(self.weight))
        self.stride, self.padding, self.groups = stride, k // 2, groups

    def forward(self, x):
        return F.conv2d(x, self.weight * self.mask, None, self.stride, self.padding, 1, self.groups)


class Layers:
    """The config's `network` section: BN epsilon and momentum, and the skip path (dense + BN, or grouped)."""

    def __init__(self, config):
        network = config.get("network") or {}
        self.eps = network.get("bnEpsilon", 1e-5)
        self.momentum = network.get("bnMomentum", 0.1)
        self.grouped_skip = network.get("skipPath", "dense") == "grouped"

    def bn(self, channels):
        return nn.BatchNorm2d(channels, eps=self.eps, momentum=self.momentum)


class Branch(nn.Module):
    def __init__(self, cin, hidden, cout, k, stride, layers):
        super().__init__()
        self.expand = MaskedConv(cin, hidden, 1)
        self.expand_bn = layers.bn(hidden)
        self.dw = MaskedConv(hidden, hidden, k, stride, groups=hidden)
        self.dw_bn = layers.bn(hidden)
        self.project = MaskedConv(hidden, cout, 1)

    def forward(self, x):
        x = F.relu(self.expand_bn(self.expand(x)))
        x = F.relu(self.dw_bn(self.dw(x)))
        return self.project(x)


class Block(nn.Module):
    def __init__(self, cin, cout, stride, kernels, ratio, layers):
        super().__init__()
        self.branches = nn.ModuleList(Branch(cin, ratio * cin, cout, k, stride, layers) for k in kernels)
        self.out_bn = layers.bn(cout)
        self.identity = stride == 1 and cin == cout
        if not self.identity:
            # the official block: a grouped 1x1 conv (groups = gcd(in, out)) and no BN
            groups = math.gcd(cin, cout) if layers.grouped_skip else 1
            self.skip = MaskedConv(cin, cout, 1, stride, groups=groups)
            self.skip_bn = nn.Identity() if layers.grouped_skip else layers.bn(cout)

    def forward(self, x):
        body = self.branches[0](x)
        for branch in self.branches[1:]:
            body = body + branch(x)
        skip = x if self.identity else self.skip_bn(self.skip(x))
        return self.out_bn(body) + skip

    def depthwise_bns(self):
        return [b.dw_bn for b in self.branches]


class Supernet(nn.Module):
    def __init__(self, config):
        super().__init__()
        data, stem, head = config["data"], config["stem"], config["head"]
        layers = Layers(config)
        self.stem = MaskedConv(data["channels"], stem["channels"], stem["kernelSize"], stem["stride"])
        self.stem_bn = layers.bn(stem["channels"])
        blocks, cin = [], stem["channels"]
        for stage in config["stages"]:
            for r in range(stage["repeats"]):
                stride = stage["stride"] if r == 0 else 1
                blocks.append(Block(cin, stage["channels"], stride, stage["kernelSizes"],
                                    stage["expansionRatio"], layers))
                cin = stage["channels"]
        self.blocks = nn.ModuleList(blocks)
        self.head = MaskedConv(cin, head["channels"], 1)
        self.head_bn = layers.bn(head["channels"])
        self.classifier = nn.Linear(head["channels"], data["classes"])

    def forward(self, x):
        x = F.relu(self.stem_bn(self.stem(x)))
        for block in self.blocks:
            x = block(x)
        x = F.relu(self.head_bn(self.head(x)))
        return self.classifier(x.mean(dim=(2, 3)))

    def depthwise_gammas(self):
        return [bn.weight for block in self.blocks for bn in block.depthwise_bns()]

    def decayed_weights(self):
        return [m.weight for m in self.modules() if isinstance(m, (MaskedConv, nn.Linear))]


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("config")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch", type=int, default=0, help="0 = training.batchSize of the config")
    parser.add_argument("--seed", type=int, default=1995)
    parser.add_argument("--device", default="cpu", help="torch device: cpu (default), cuda, cuda:1, ...")
    parser.add_argument("--bf16", action="store_true",
                        help="a lever to measure, not the yardstick: the step under CPU autocast to bfloat16")
    parser.add_argument("--channels-last", action="store_true",
                        help="a lever to measure, not the yardstick: weights and images in channels-last layout")
    args = parser.parse_args()
    device = torch.device(args.device)

    with open(args.config) as f:
        config = json.load(f)
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    training, data = config["training"], config["data"]
    batch = args.batch or training["batchSize"]
    net = Supernet(config).to(device)
    net.train()
    rho = config["search"]["rho"]
    gammas, weights = net.depthwise_gammas(), net.decayed_weights()
    # L2 on the raw conv/linear weights as SGD's weight decay: the same gradient as 0.5 wd sum(w^2) in the loss,
    # and cheaper, which makes this the stronger yardstick.
    decayed = {id(w) for w in weights}
    optimizer = torch.optim.SGD([
        {"params": weights, "weight_decay": training["weightDecay"]},
        {"params": [p for p in net.parameters() if id(p) not in decayed], "weight_decay": 0.0},
    ], lr=training["learningRate"], momentum=training["momentum"])

    # Fixed random batches: the cost of a step does not depend on the pixels.
    images = torch.randn(8, batch, data["channels"], data["height"], data["width"]).to(device)
    if args.channels_last:
        net = net.to(memory_format=torch.channels_last)
        images = torch.stack([im.contiguous(memory_format=torch.channels_last) for im in images])
    labels = torch.randint(0, data["classes"], (8, batch)).to(device)

    def step(i):
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=args.bf16):
            logits = net(images[i % 8]).float()
        loss = F.cross_entropy(logits, labels[i % 8])
        loss = loss + rho * sum(g.abs().sum() for g in gammas)
        optimizer.zero_grad(set_to_none=False)
        loss.backward()
        optimizer.step()
        return loss.item()

    for i in range(args.warmup):
        step(i)
    wall0, cpu0 = time.perf_counter(), cpu_seconds()
    loss = 0.0
    for i in range(args.steps):
        loss = step(i)
    if device.type == "cuda":
        torch.cuda.synchronize(device)  # loss.item() already waits each step; this keeps the timing honest anyway
    wall, cpu = time.perf_counter() - wall0, cpu_seconds() - cpu0
    if not math.isfinite(loss):
        print("loss diverged", file=sys.stderr)
        return 1
    result = {"images_per_second": args.steps * batch / wall, "cpu_seconds_per_step": cpu / args.steps,
              "steps": args.steps, "batch": batch, "threads": args.threads, "torch": torch.__version__,
              "bf16": args.bf16, "channels_last": args.channels_last}
    if device.type != "cpu":
        result["device"] = torch.cuda.get_device_name(device) if device.type == "cuda" else str(device)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
