#!/usr/bin/env python3
"""The validation mean IoU each run's last evaluation measured (the network the ticket is taken from), for choosing
a setting on validation: python3 docs/results/segmentation/validation_miou.py RUN_FOLDER... > FILE.csv"""
import json
import re
import sys

print("run,seed,validation_mean_iou,validation_mean_iou_objects")
for folder in sys.argv[1:]:
    last = None
    with open(folder + "/metrics.jsonl") as lines:
        for line in lines:
            event = json.loads(line)
            if event.get("type") == "eval" and "segmentation" in event:
                last = event
    seed = json.load(open(folder + "/config.json"))["seed"]
    name = re.sub(r".*/", "", folder.rstrip("/"))
    print("%s,%d,%.6f,%.6f" % (name, seed, last["segmentation"]["meanIou"],
                               last["segmentation"]["meanIouWithoutBackground"]))
