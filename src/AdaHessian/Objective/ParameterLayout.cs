namespace AdaHessian.Objective;

/// <summary>
/// How a model's parameters are laid out: <see cref="Blocks"/> consecutive blocks, each <see cref="WeightsPerBlock"/>
/// weights followed by one bias. A logistic neuron is one block; a softmax layer has one block per class. Weight
/// decay, spatial averaging and the L2 penalty act on the weights of each block and never on its bias.
/// </summary>
/// <param name="Blocks">Number of blocks, ≥ 1.</param>
/// <param name="WeightsPerBlock">Weights in each block, ≥ 0.</param>
public readonly record struct ParameterLayout(int Blocks, int WeightsPerBlock)
{
    /// <summary>One block of <paramref name="weights"/> weights and a bias: a logistic neuron.</summary>
    public static ParameterLayout Neuron(int weights) => new(1, weights);

    /// <summary>Weights and bias of one block.</summary>
    public int BlockLength => WeightsPerBlock + 1;

    /// <summary>All parameters: <see cref="Blocks"/> × (<see cref="WeightsPerBlock"/> + 1).</summary>
    public int ParameterCount => Blocks * BlockLength;

    /// <summary>The start of block <paramref name="block"/> (its first weight); its bias is at start + WeightsPerBlock.</summary>
    public int BlockStart(int block) => block * BlockLength;
}
