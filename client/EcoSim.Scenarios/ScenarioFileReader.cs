using System.Text;

namespace EcoSim.Scenarios;

/// <summary>Reads one scenario file as text, refusing folders, missing, oversized, empty, binary and non-UTF-8 files.</summary>
internal static class ScenarioFileReader
{
    /// <summary>The file's text, or null after recording a whole-file error in <paramref name="sink"/>.</summary>
    public static string? Read(ErrorSink sink, string full)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(full);
            if (Directory.Exists(full)) return Reject(sink, "is a folder, not a scenario file");
            if (!info.Exists) return Reject(sink, "file not found");
            if (info.Length > ScenarioLoader.MaxFileBytes) return Reject(sink, $"file is {info.Length} bytes; scenario files are limited to {ScenarioLoader.MaxFileBytes} bytes");
            bytes = File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return Reject(sink, $"cannot read the file: {e.Message}"); }
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return Reject(sink, "file is empty");
        if (Array.IndexOf(bytes, (byte)0) >= 0) return Reject(sink, "is not a text file (it contains NUL bytes)");
        // A byte-order mark (written by some Windows editors) is not part of the text.
        int start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        try { return new UTF8Encoding(false, true).GetString(bytes, start, bytes.Length - start); }
        catch (DecoderFallbackException) { return Reject(sink, "is not valid UTF-8 text"); }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static string? Reject(ErrorSink sink, string message)
    {
        sink.File_(message);
        return null;
    }
}
