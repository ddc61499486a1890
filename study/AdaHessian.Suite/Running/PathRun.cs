using AdaHessian.Suite.Pipeline;
using AdaHessian.Suite.Trainers;

namespace AdaHessian.Suite.Running;

/// <summary>Runs <see cref="L2Path"/> over <see cref="L2Grid.Default"/> on one prepared dataset; an exception becomes the outcome.</summary>
internal static class PathRun
{
    /// <summary>The path of <paramref name="data"/>: fitted on its training split, scored on its test split.</summary>
    public static PathOutcome Run(PreparedData data)
    {
        try
        {
            return new PathOutcome(L2Path.Fit(data.TrainView, data.Test, L2Grid.Default), null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var inner = TrainerRun.Innermost(e);
            return new PathOutcome([], null, $"{inner.GetType().Name}: {inner.Message.ReplaceLineEndings(" ")}");
        }
    }
}
