namespace AdaHessian.Optimizers;

/// <summary>How the learning rate falls over a run's step budget.</summary>
public enum LearningRateDecay
{
    /// <summary>The same η at every step (the official AdaHessian and Adam).</summary>
    None,

    /// <summary>Cosine from η to 0 (<see cref="CosineLearningRate"/>).</summary>
    Cosine,

    /// <summary>Linear from η to 0 (<see cref="LinearDecayLearningRate"/>).</summary>
    Linear,
}
