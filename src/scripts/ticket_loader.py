#!/usr/bin/env python3
"""Load a SuperTickets ticket folder (ticket.json + weights.safetensors) as a plain PyTorch nn.Module.

Needs only PyTorch and numpy (Debian: apt-get install python3-torch); the safetensors file is read here, by its
published layout (8-byte little-endian header length, a JSON header of dtype/shape/data_offsets, then the bytes),
so the `safetensors` package is not needed.

    import sys; sys.path.insert(0, "src/scripts")
    from ticket_loader import load_ticket, preprocess
    net = load_ticket("runs/quickstart-20261201-120000/ticket")       # eval mode, CPU
    logits = net(preprocess(net, images))                            # images: uint8 [N, C, H, W]
    names = [net.class_names[i] for i in logits.argmax(1)]         # segmentation: argmax(1) per pixel

Parameter names follow PyTorch's conventions: the ticket's tensor names with the BN tensors renamed
(<bn>.gamma/beta/mean/var -> <bn>.weight/bias/running_mean/running_var), e.g. `stem.conv.weight`,
`blocks.0.expand.weight`, `blocks.0.dw.k3.weight`, `blocks.0.dw_bn.k3.running_var`, `classifier.bias`, so
`net.state_dict()` is what a PyTorch user expects. Masks are in `net.masks` (pruned weights are already zero).
`torch.jit.script(net)` compiles it (the scripted module keeps the weights, not `manifest`, `masks` or
`class_names`). Tests: src/test/python/test_ticket_loader.py (docs/tickets-outside.md says how to run them).

Run as a script it evaluates the ticket on the test split its ticket.json describes (the shipped Fashion-MNIST or
MNIST, or IDX files in data.path) and prints one JSON line: {"accuracy": ..., "correct": ..., "images": ...,
"reported": ...}.

A segmentation ticket ("task": "SEGMENTATION" in its architecture) loads the same way; its module returns
per-pixel logits [N, classes, H, W] (the decoder: the head's output upsampled bilinearly to the skip feature map,
plus the skip's 1x1 conv + BN, ReLU, a 1x1 classifier conv, upsampled bilinearly to the input size; every
upsampling is F.interpolate(mode="bilinear", align_corners=False)), and `logits.argmax(1)` is each pixel's class
(0 = background). Its test canvases are composed by the workbench, so write them first:

    java ... org.supertickets.cli.Main export RUN/ticket --test-canvases canvases/
    python3 src/scripts/ticket_loader.py RUN/ticket --images canvases/test-images-idx3-ubyte \
        --masks canvases/test-masks-idx3-ubyte

(IDX files of unsigned bytes, images [N, H, W] or [N, C, H, W], masks [N, H, W]; any IDX files of that shape do.)
It prints one JSON line: {"mean_iou": ..., "pixel_accuracy": ..., "pixels": ..., "images": ...,
"reported_mean_iou": ..., "reported_pixel_accuracy": ...}, the mean IoU as the workbench counts it (background
included, a class absent from both truth and prediction skipped).
"""
import argparse
import gzip
import json
import math
import os
import struct
import sys
from typing import List

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

SAFETENSORS_DTYPES = {"F32": np.float32, "U8": np.uint8, "I32": np.int32, "I64": np.int64, "F64": np.float64}
BN_RENAMES = {".gamma": ".weight", ".beta": ".bias", ".mean": ".running_mean", ".var": ".running_var"}


def read_safetensors(path):
    """All tensors of a safetensors file as numpy arrays, and its metadata."""
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_len))
        body = f.read()
    metadata = header.pop("__metadata__", {})
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        dtype = np.dtype(SAFETENSORS_DTYPES[info["dtype"]]).newbyteorder("<")
        tensors[name] = np.frombuffer(body[start:end], dtype=dtype).reshape(info["shape"]).copy()
    return tensors, metadata


class ConvBn(nn.Module):
    """Conv (no bias, padding k/2) followed by batch normalisation; ReLU is applied by the caller."""

    def __init__(self, cin, cout, k, stride, groups, eps):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=eps)

    def forward(self, x):
        return self.bn(self.conv(x))


class Block(nn.Module):
    """One inverted-residual block of the ticket: a merged expand conv over all live branches' channels, split
    into the branches in the order of architecture.blocks[i].branches, a depthwise conv per branch, the outputs
    concatenated in the same order and projected by one merged conv, plus the skip. A skip that is not the identity
    is a 1x1 conv followed by its BN (architecture.skipPath DENSE_BN, or absent), or the official block's 1x1 conv
    with groups = gcd(in, out) and no BN (GROUPED).

    Written so that torch.jit.script compiles it: parts a block does not have are nn.Identity (no parameters, so the
    state_dict is unchanged) and never called, and the branches are walked by iterating their ModuleDicts."""

    sizes: List[int]  # the live branches' hidden channels, in order (typed: an empty list would be List[Tensor])

    def __init__(self, spec, eps, skip_path="DENSE_BN"):
        super().__init__()
        if skip_path not in ("DENSE_BN", "GROUPED"):
            raise ValueError(f"unknown architecture.skipPath {skip_path!r}; this loader knows DENSE_BN and GROUPED")
        cin, cout, stride = spec["inChannels"], spec["outChannels"], spec["stride"]
        branches = [(b["kernelSize"], b["hiddenChannels"]) for b in spec["branches"] if b["hiddenChannels"] > 0]
        self.sizes = [h for _, h in branches]
        hidden = sum(self.sizes)
        self.has_body = hidden > 0
        self.skip = nn.Identity()
        self.skip_bn = nn.Identity()
        if not (stride == 1 and cin == cout):
            groups = math.gcd(cin, cout) if skip_path == "GROUPED" else 1
            self.skip = nn.Conv2d(cin, cout, 1, stride, 0, groups=groups, bias=False)
            if skip_path != "GROUPED":
                self.skip_bn = nn.BatchNorm2d(cout, eps=eps)
        self.expand = nn.Identity()
        self.expand_bn = nn.Identity()
        self.project = nn.Identity()
        self.out_bn = nn.Identity()
        self.dw = nn.ModuleDict()
        self.dw_bn = nn.ModuleDict()
        if self.has_body:
            self.expand = nn.Conv2d(cin, hidden, 1, bias=False)
            self.expand_bn = nn.BatchNorm2d(hidden, eps=eps)
            self.dw = nn.ModuleDict({f"k{k}": nn.Conv2d(h, h, k, stride, k // 2, groups=h, bias=False)
                                     for k, h in branches})
            self.dw_bn = nn.ModuleDict({f"k{k}": nn.BatchNorm2d(h, eps=eps) for k, h in branches})
            self.project = nn.Conv2d(hidden, cout, 1, bias=False)
            self.out_bn = nn.BatchNorm2d(cout, eps=eps)

    def forward(self, x):
        skip = self.skip_bn(self.skip(x))
        if not self.has_body:
            return skip
        parts = torch.split(F.relu(self.expand_bn(self.expand(x))), self.sizes, dim=1)
        convolved: List[torch.Tensor] = []
        i = 0
        for _, conv in self.dw.items():  # in branch order (insertion order), as the sizes
            convolved.append(conv(parts[i]))
            i += 1
        outs: List[torch.Tensor] = []
        i = 0
        for _, bn in self.dw_bn.items():
            outs.append(F.relu(bn(convolved[i])))
            i += 1
        return self.out_bn(self.project(torch.cat(outs, dim=1))) + skip


DECODER_SKIP_STRIDE = 4


def decoder_skip_block(arch):
    """Index of the block whose output the segmentation decoder adds (-1: the stem's): the last block whose output is
    at most 4 times coarser than the input (Architecture.decoderSkipBlock)."""
    chosen = -1
    for i, b in enumerate(arch["blocks"]):
        out_height = -(-b["inHeight"] // b["stride"])
        out_width = -(-b["inWidth"] // b["stride"])
        if out_height * DECODER_SKIP_STRIDE >= arch["inHeight"] and out_width * DECODER_SKIP_STRIDE >= arch["inWidth"]:
            chosen = i
    return chosen


class TicketNet(nn.Module):
    """The ticket's network, built from the `architecture` of its ticket.json: logits [N, classes], or for a
    segmentation ticket per-pixel logits [N, classes, H, W]. torch.jit.script compiles it (see Block)."""

    def __init__(self, arch, eps=1e-5):
        super().__init__()
        self.stem = ConvBn(arch["inChannels"], arch["stemChannels"], arch["stemKernel"], arch["stemStride"], 1, eps)
        skip_path = arch.get("skipPath") or "DENSE_BN"
        self.blocks = nn.ModuleList(Block(b, eps, skip_path) for b in arch["blocks"])
        head_in = arch["blocks"][-1]["outChannels"] if arch["blocks"] else arch["stemChannels"]
        self.head = ConvBn(head_in, arch["headChannels"], 1, 1, 1, eps)
        task = (arch.get("task") or "CLASSIFICATION").upper()  # ticket.json writes SEGMENTATION, or no task
        if task not in ("CLASSIFICATION", "SEGMENTATION"):
            raise ValueError(f"unknown architecture.task {task!r}; this loader knows classification and segmentation")
        self.segments = task == "SEGMENTATION"
        self.skip_block = -1
        # ModuleDict so that the parameter names are the ticket's: decoder.skip.weight, decoder.skip_bn.*; a
        # classification ticket has no decoder (Identity: no parameters, never called)
        self.decoder = nn.ModuleDict({"skip": nn.Identity(), "skip_bn": nn.Identity()})
        if self.segments:
            self.skip_block = decoder_skip_block(arch)
            skip_channels = arch["blocks"][self.skip_block]["outChannels"] if self.skip_block >= 0 \
                else arch["stemChannels"]
            self.decoder = nn.ModuleDict({"skip": nn.Conv2d(skip_channels, arch["headChannels"], 1, bias=False),
                                          "skip_bn": nn.BatchNorm2d(arch["headChannels"], eps=eps)})
        # a Linear in both tasks: the ticket stores classifier.weight as [classes, head]; segmentation applies it
        # at every pixel (a 1x1 conv)
        self.classifier = nn.Linear(arch["headChannels"], arch["classes"])

    def forward(self, x):
        size = x.shape[-2:]
        x = F.relu(self.stem(x))
        skip = x
        i = 0
        for block in self.blocks:
            x = block(x)
            if self.segments and i == self.skip_block:
                skip = x
            i += 1
        x = F.relu(self.head(x))
        if not self.segments:
            return self.classifier(x.mean(dim=[2, 3]))
        skip = self.decoder["skip_bn"](self.decoder["skip"](skip))
        up = F.interpolate(x, size=skip.shape[-2:], mode="bilinear", align_corners=False)
        features = F.relu(up + skip)
        weight = self.classifier.weight
        logits = F.conv2d(features, weight.view(weight.shape[0], weight.shape[1], 1, 1), self.classifier.bias)
        return F.interpolate(logits, size=size, mode="bilinear", align_corners=False)


def load_ticket(folder):
    """The ticket in `folder` as a TicketNet in eval mode, with .manifest, .masks and .class_names attached."""
    with open(os.path.join(folder, "ticket.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    tensors, _ = read_safetensors(os.path.join(folder, "weights.safetensors"))
    net = TicketNet(manifest["architecture"], manifest.get("bnEpsilon") or 1e-5)
    state = {}
    for name, value in tensors.items():
        if name.endswith(".mask") or name.startswith("origin/"):
            continue
        for old, new in BN_RENAMES.items():
            if name.endswith(old):
                name = name[: -len(old)] + new
                break
        state[name] = torch.from_numpy(value)
    expected = {k for k in net.state_dict() if not k.endswith("num_batches_tracked")}
    if expected != set(state):
        raise ValueError(f"{folder}: weights.safetensors does not fit its architecture: missing "
                         f"{sorted(expected - set(state))}, unexpected {sorted(set(state) - expected)}")
    net.load_state_dict(state, strict=False)
    net.eval()
    net.manifest = manifest
    net.masks = {k[: -len(".mask")]: torch.from_numpy(v).bool() for k, v in tensors.items() if k.endswith(".mask")}
    net.class_names = (manifest.get("input") or {}).get("classNames")
    return net


def preprocess(net, images):
    """uint8 images [N, C, H, W] -> the normalised float32 input, exactly as ticket.json's `input` says."""
    spec = net.manifest.get("input")
    if spec is None:
        raise ValueError("ticket.json has no `input` (format supertickets-ticket/1 did not record the normalisation); "
                         "export it with the workbench (`export TICKET --onnx FILE` recomputes it) or re-run it")
    x = torch.as_tensor(np.asarray(images, dtype=np.float32) / np.float32(spec["pixelScale"]))
    mean = torch.tensor(spec["mean"], dtype=torch.float32).view(1, -1, 1, 1)
    std = torch.tensor(spec["std"], dtype=torch.float32).view(1, -1, 1, 1)
    return (x - mean) / std


def read_idx_test(folder, count):
    """The first `count` test images (uint8 [N, 1, H, W]) and labels of IDX files, gzip-compressed or not."""
    def read(name):
        path = os.path.join(folder, name)
        with (open(path, "rb") if os.path.exists(path) else gzip.open(path + ".gz", "rb")) as f:
            return f.read()
    labels = read("t10k-labels-idx1-ubyte")
    images = read("t10k-images-idx3-ubyte")
    n, rows, cols = struct.unpack(">III", images[4:16])
    count = n if count <= 0 else min(count, n)
    pixels = np.frombuffer(images, dtype=np.uint8, count=count * rows * cols, offset=16)
    return pixels.reshape(count, 1, rows, cols), np.frombuffer(labels, dtype=np.uint8, count=count, offset=8)


def evaluate(net, assets):
    """Accuracy on the test split described by the ticket's config (IDX datasets only)."""
    data = net.manifest["provenance"]["config"]["data"]
    if data["dataset"] in ("fashion-mnist", "mnist"):
        folder = os.path.join(assets, data["dataset"])
    elif data["dataset"] == "idx":
        folder = data["path"]
    else:
        raise ValueError(f"dataset {data['dataset']}: this loader reads IDX test files only")
    images, labels = read_idx_test(folder, data.get("testLimit") or 0)
    with torch.no_grad():
        predicted = net(preprocess(net, images)).argmax(dim=1).numpy()
    correct = int((predicted == labels).sum())
    return correct, len(labels)


def read_idx(path):
    """An IDX file of unsigned bytes (gzip-compressed or not) as a numpy array of its dimensions."""
    with (gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")) as f:
        data = f.read()
    (magic,) = struct.unpack(">I", data[:4])
    if magic >> 8 != 0x08:
        raise ValueError(f"{path}: not an IDX file of unsigned bytes (magic {magic:#010x})")
    dims = struct.unpack(f">{magic & 0xff}I", data[4:4 + 4 * (magic & 0xff)])
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * len(dims)).reshape(dims)


def segmentation_scores(predicted, truth, classes):
    """Pixel accuracy and mean IoU as the workbench counts them (train/SegmentationScores): IoU = TP / (TP + FP + FN)
    per class, the mean over the classes present in truth or prediction, background included."""
    confusion = np.bincount(truth.astype(np.int64).ravel() * classes + predicted.astype(np.int64).ravel(),
                            minlength=classes * classes).reshape(classes, classes)
    ious = []
    for c in range(classes):
        union = int(confusion[c, :].sum() + confusion[:, c].sum() - confusion[c, c])
        if union > 0:
            ious.append(int(confusion[c, c]) / union)
    # summed in class order in Python floats, as Java sums its doubles: the same number to the last bit
    mean_iou = sum(ious) / len(ious) if ious else float("nan")
    return int(np.trace(confusion)) / int(confusion.sum()), mean_iou


def evaluate_segmentation(net, images_path, masks_path, batch=64):
    """Pixel accuracy and mean IoU of a segmentation ticket on IDX canvases (see the module docstring)."""
    images, masks = read_idx(images_path), read_idx(masks_path)
    if images.ndim == 3:
        images = images[:, None]
    if images.shape[0] != masks.shape[0] or images.shape[2:] != masks.shape[1:]:
        raise ValueError(f"{images_path} holds images {list(images.shape)}, {masks_path} masks {list(masks.shape)}: "
                         "not one mask per image of the same size")
    classes = net.manifest["architecture"]["classes"]
    if masks.size and int(masks.max()) >= classes:
        raise ValueError(f"{masks_path}: class {int(masks.max())} outside 0..{classes - 1}")
    predicted = []
    with torch.no_grad():
        for start in range(0, len(images), batch):
            predicted.append(net(preprocess(net, images[start:start + batch])).argmax(dim=1).numpy())
    predicted = np.concatenate(predicted) if predicted else np.zeros(masks.shape, dtype=np.int64)
    pixel_accuracy, mean_iou = segmentation_scores(predicted, masks, classes)
    return {"mean_iou": mean_iou, "pixel_accuracy": pixel_accuracy, "pixels": int(masks.size),
            "images": int(masks.shape[0])}


def main():
    parser = argparse.ArgumentParser(description="Evaluate a SuperTickets ticket in plain PyTorch.")
    parser.add_argument("ticket", help="ticket folder (ticket.json + weights.safetensors)")
    parser.add_argument("--assets", default=os.path.join(os.path.dirname(__file__), "..", "..", "assets"),
                        help="the workbench's assets folder (default: the repository's)")
    parser.add_argument("--images", help="segmentation: IDX file of test images (export TICKET --test-canvases DIR)")
    parser.add_argument("--masks", help="segmentation: IDX file of their masks, one class per pixel")
    args = parser.parse_args()
    try:
        net = load_ticket(args.ticket)
        if net.segments:
            if not (args.images and args.masks):
                raise ValueError(f"{args.ticket} is a segmentation ticket: give --images and --masks (write its test "
                                 "canvases with the workbench: export TICKET --test-canvases DIR)")
            result = evaluate_segmentation(net, args.images, args.masks)
            metrics = net.manifest["metrics"]
            result["reported_mean_iou"] = metrics.get("testMeanIou")
            result["reported_pixel_accuracy"] = metrics["testAccuracy"]
            print(json.dumps(result))
            return 0
        correct, images = evaluate(net, args.assets)
    except (OSError, ValueError, KeyError) as e:
        print(f"ticket_loader: {e}", file=sys.stderr)
        return 2
    print(json.dumps({"accuracy": correct / images, "correct": correct, "images": images,
                      "reported": net.manifest["metrics"]["testAccuracy"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
