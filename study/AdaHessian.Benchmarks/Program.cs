using AdaHessian.Benchmarks;

return BenchmarkProgram.Run(args);
