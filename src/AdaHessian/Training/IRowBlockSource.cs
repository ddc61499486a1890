using AdaHessian.Objective;

namespace AdaHessian.Training;

/// <summary>
/// Training rows that arrive a block at a time, every epoch: data too large for memory, read a buffer at a time. The
/// training loop trains on each block's rows in shuffled mini-batches before it asks for the next block, so the blocks
/// of an epoch are its rows in the order the loop sees them. Each block is an objective over its own rows, with the
/// source's layout, normalised by its own weight like any mini-batch.
/// </summary>
public interface IRowBlockSource
{
    /// <summary>How the parameters are laid out; every block has this layout.</summary>
    ParameterLayout Layout { get; }

    /// <summary>Rows in one epoch (the sum of the blocks' rows): the step budget is counted from it.</summary>
    long RowCount { get; }

    /// <summary>
    /// The blocks of epoch <paramref name="epoch"/> (0 for the first), in order. The loop is done with a block when it
    /// asks for the next one, and disposes the enumerator when it stops, early or not.
    /// </summary>
    IEnumerable<IObjective> Blocks(int epoch);
}
