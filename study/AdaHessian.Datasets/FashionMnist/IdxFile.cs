using System.Buffers.Binary;
using System.IO.Compression;

namespace AdaHessian.Datasets;

/// <summary>
/// Gzip-compressed IDX files of unsigned bytes, the format of (Fashion-)MNIST: a big-endian magic number
/// (0x08 = unsigned byte, then the number of dimensions), one big-endian 32-bit size per dimension, then the bytes.
/// </summary>
public static class IdxFile
{
    /// <summary>Magic number of a 3-dimensional file (images × rows × columns).</summary>
    public const int Images = 0x0803;

    /// <summary>Magic number of a 1-dimensional file (one label per image).</summary>
    public const int Labels = 0x0801;

    /// <summary>Reads the file's bytes and its dimensions.</summary>
    /// <exception cref="FileNotFoundException">The file is missing; the message says how to get Fashion-MNIST.</exception>
    /// <exception cref="InvalidDataException">The magic number is not <paramref name="magic"/>, a size is negative, or the file is short.</exception>
    public static byte[] Read(string path, int magic, out int[] shape)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing. {FashionMnistLocation.HowToInstall}", path);
        }

        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        try
        {
            Span<byte> word = stackalloc byte[4];
            gzip.ReadExactly(word);
            if (BinaryPrimitives.ReadInt32BigEndian(word) != magic)
            {
                throw new InvalidDataException($"{path} is not an IDX file of {magic & 0xFF}-dimensional unsigned bytes.");
            }

            shape = new int[magic & 0xFF];
            long length = 1;
            for (int k = 0; k < shape.Length; k++)
            {
                gzip.ReadExactly(word);
                shape[k] = BinaryPrimitives.ReadInt32BigEndian(word);
                if (shape[k] < 0)
                {
                    throw new InvalidDataException($"{path}: dimension {k} is {shape[k]}, expected ≥ 0.");
                }

                length *= shape[k];
            }

            var data = new byte[length];
            gzip.ReadExactly(data);
            return data;
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path} ends before its header and data.", e);
        }
    }

    /// <summary>Writes a file the reader accepts, so tests can build tiny fixtures of any shape.</summary>
    /// <exception cref="ArgumentException">The data length is not the product of the sizes.</exception>
    public static void Write(string path, int magic, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data)
    {
        long length = 1;
        foreach (int size in shape)
        {
            length *= size;
        }

        if (length != data.Length)
        {
            throw new ArgumentException($"{data.Length} bytes do not fill a shape of {length}.", nameof(data));
        }

        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, magic);
        gzip.Write(word);
        foreach (int size in shape)
        {
            BinaryPrimitives.WriteInt32BigEndian(word, size);
            gzip.Write(word);
        }

        gzip.Write(data);
    }
}
