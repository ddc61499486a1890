using System.Buffers.Binary;
using System.IO.Compression;

namespace AdaHessian.Benchmarks.Data;

/// <summary>Reads a Fashion-MNIST class pair from the IDX gzip files; pixels scaled to [0, 1].</summary>
internal static class FashionMnistPair
{
    /// <summary>Pullover (2) is the negative class and Coat (4) the positive one, as in the parity tests.</summary>
    public const int Negative = 2;
    public const int Positive = 4;

    public static (BenchData Train, BenchData Test) Load(string directory) =>
        (Read(directory, "train"), Read(directory, "t10k"));

    private static BenchData Read(string directory, string prefix)
    {
        byte[] images = Inflate(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"));
        byte[] labels = Inflate(Path.Combine(directory, $"{prefix}-labels-idx1-ubyte.gz"));
        if (BinaryPrimitives.ReadInt32BigEndian(images) != 0x803 || BinaryPrimitives.ReadInt32BigEndian(labels) != 0x801)
        {
            throw new InvalidDataException($"{prefix}: not IDX image/label files.");
        }

        int count = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(4));
        int pixels = BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(8)) * BinaryPrimitives.ReadInt32BigEndian(images.AsSpan(12));
        var values = new List<float>();
        var y = new List<float>();
        for (int i = 0; i < count; i++)
        {
            int label = labels[8 + i];
            if (label != Negative && label != Positive)
            {
                continue;
            }

            foreach (byte b in images.AsSpan(16 + i * pixels, pixels))
            {
                values.Add(b / 255f);
            }

            y.Add(label == Positive ? 1f : 0f);
        }

        return BenchData.Dense(y.Count, pixels, values.ToArray(), y.ToArray());
    }

    private static byte[] Inflate(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Fashion-MNIST file {path} is missing (Debian: apt-get install dataset-fashion-mnist, or pass --fashion-mnist <dir>).", path);
        }

        using var gz = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var memory = new MemoryStream();
        gz.CopyTo(memory);
        return memory.ToArray();
    }
}
