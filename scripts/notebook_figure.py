#!/usr/bin/env python3
"""Draws the seed notebook's figure for the default parameters with seaborn, the way its
plot_featuremaps does (annot, fmt "0.00f", vmin 0, input vmax = 8, linewidths 1), into
screenshots/notebook-seaborn.png, to compare with screenshots/defaults.png.

    pip install torch==2.13.0+cpu seaborn matplotlib && python3 scripts/notebook_figure.py
"""
import torch, torch.nn as nn, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt, seaborn as sns
h_in=w_in=8; cin=3; cout=2
x=torch.arange(w_in,dtype=torch.float).repeat(1,cin,h_in,1)
conv=nn.Conv2d(cin,cout,(3,3),bias=False); conv.weight=nn.Parameter(torch.ones_like(conv.weight))
y=conv(x).detach()
fig,ax=plt.subplots(2,3,figsize=(15,10))
for i in range(3): sns.heatmap(x[0][i],ax=ax[0][i],annot=True,fmt="0.00f",cbar=False,vmin=0,vmax=h_in,linewidths=1)
for i in range(2): sns.heatmap(y[0][i],ax=ax[1][i],annot=True,fmt="0.00f",cbar=False,vmin=0,vmax=None,linewidths=1)
ax[1][2].axis("off")
fig.suptitle(f"input {tuple(x.shape)} / output {tuple(y.shape)}")
plt.savefig(__import__("os").path.join(__import__("os").path.dirname(__file__), "..", "screenshots", "notebook-seaborn.png"), dpi=60)
