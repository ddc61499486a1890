using System.IO.Compression;

namespace AdaHessian.Suite.Loaders;

/// <summary>
/// Opens a text file that may be gzip-compressed (scikit-learn ships digits.csv.gz): the gzip magic bytes decide, not
/// the file name, so a renamed or decompressed copy reads the same.
/// </summary>
internal static class CompressedText
{
    /// <summary>A reader of the file at <paramref name="path"/>, decompressed when it is gzip.</summary>
    public static TextReader Open(string path) => Open(File.OpenRead(path));

    /// <summary>A reader of <paramref name="stream"/> from its current position, decompressed when it starts with gzip's magic bytes; disposing it disposes the stream.</summary>
    public static TextReader Open(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream.Dispose();
            copy.Position = 0;
            stream = copy;
        }

        long start = stream.Position;
        Span<byte> magic = stackalloc byte[2];
        int read = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = start;
        bool gzip = read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        return new StreamReader(gzip ? new GZipStream(stream, CompressionMode.Decompress) : stream);
    }
}
