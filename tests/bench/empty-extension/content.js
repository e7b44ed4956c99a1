// Nearly empty: one mark, so that the benchmark can check that this content script ran.
performance.mark('palermo-lens-bench:empty-extension');
