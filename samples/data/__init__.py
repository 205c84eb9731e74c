"""The five source plans as data: one module per plan, each with FILE_NAME, SEED and build()."""
from __future__ import annotations

from . import cao_loc_2024, hai_ba_trung_2023, huong_tra_2024, kon_tum_2023, lai_chau_2024

# In seed order (000 … 004).
PLANS = (kon_tum_2023, lai_chau_2024, huong_tra_2024, cao_loc_2024, hai_ba_trung_2023)
