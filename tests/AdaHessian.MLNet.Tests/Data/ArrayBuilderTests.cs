using AdaHessian.MLNet.Data;

namespace AdaHessian.MLNet.Tests.Data;

public sealed class ArrayBuilderTests
{
    [Fact]
    public void An_exactly_filled_buffer_is_handed_over_and_a_grown_one_copied_once()
    {
        var exact = new ArrayBuilder<int>(3);
        exact.Add([1, 2]);
        exact.Add(3);
        var grown = new ArrayBuilder<int>(0);
        for (int i = 0; i < 100; i++)
        {
            grown.Add(i);
        }

        Assert.Equal([1, 2, 3], exact.ToArray());
        Assert.Same(exact.ToArray(), exact.ToArray());
        Assert.Equal(Enumerable.Range(0, 100), grown.ToArray());
        Assert.Same(grown.ToArray(), grown.ToArray());
    }

    [Fact]
    public void Taking_returns_the_items_in_order_across_blocks()
    {
        var builder = new ArrayBuilder<int>(5);
        builder.Add([.. Enumerable.Range(0, 1000)]);
        int[]? scratch = null;
        var taken = new List<int>();

        taken.Add(builder.Take());
        var destination = new int[37];
        builder.Take(destination);
        taken.AddRange(destination);
        for (int n = 1; taken.Count + n <= 1000; n++)
        {
            taken.AddRange(builder.Take(n, ref scratch).ToArray());
        }

        taken.AddRange(builder.Take(1000 - taken.Count, ref scratch).ToArray());

        Assert.Equal(Enumerable.Range(0, 1000), taken);
        Assert.Equal(0, builder.Take(0, ref scratch).Length);
        Assert.Throws<InvalidOperationException>(() => builder.Take());
        Assert.Throws<InvalidOperationException>(() => builder.ToArray());
    }

    [Fact]
    public void A_run_within_one_block_is_a_view_and_one_across_blocks_a_copy_in_the_scratch()
    {
        var builder = new ArrayBuilder<int>(4);
        builder.Add([1, 2, 3, 4, 5, 6]);
        int[]? scratch = null;

        var inBlock = builder.Take(3, ref scratch);
        Assert.Null(scratch);
        var across = builder.Take(3, ref scratch);

        Assert.Equal([1, 2, 3], inBlock.ToArray());
        Assert.Equal([4, 5, 6], across.ToArray());
        Assert.Equal(3, scratch!.Length);
    }

    [Fact]
    public void Asking_for_more_than_is_left_throws_without_taking_anything()
    {
        var builder = new ArrayBuilder<float>(0);
        builder.Add([1f, 2f]);

        Assert.Throws<InvalidOperationException>(() => builder.Take(new float[3]));

        var destination = new float[2];
        builder.Take(destination);
        Assert.Equal([1f, 2f], destination);
    }

    [Fact]
    public void The_length_limit_names_the_column()
    {
        ArrayBuilder.ThrowIfTooLong(Array.MaxLength, "Features");

        var error = Assert.Throws<InvalidOperationException>(() => ArrayBuilder.ThrowIfTooLong(Array.MaxLength + 1L, "Features"));

        Assert.Contains("'Features'", error.Message);
        Assert.Contains($"{Array.MaxLength + 1L} stored values", error.Message);
    }
}
