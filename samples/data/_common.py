"""What every sample module shares: the 'illustrative' mark and the seed folder."""
from __future__ import annotations

# Every value the source plan does not give is marked with this word in its row's
# "Ghi chú" (or in the figure's note), so nobody mistakes it for the plan's own figure.
MINH_HOA = "minh họa"

SIGNER_TITLE = "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
