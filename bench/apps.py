from django.apps import AppConfig


class BenchConfig(AppConfig):
    """``seed_scale``, ``bench_probe`` and the ceiling page ``/bench/ceiling``."""

    name = "bench"
    verbose_name = "Benchmark"
