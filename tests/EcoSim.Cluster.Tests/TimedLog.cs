using System.Text;

namespace EcoSim.Cluster.Tests;

/// <summary>A log that remembers when each line was written, so a test can tell how long after a kill the client noticed.</summary>
internal sealed class TimedLog : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly List<(DateTime At, string Line)> _lines = [];

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>Every complete line with the time it was written.</summary>
    public IReadOnlyList<(DateTime At, string Line)> Lines { get { lock (_lines) return [.. _lines]; } }

    public override void Write(char value)
    {
        lock (_lines)
        {
            if (value != '\n') { _line.Append(value); return; }
            _lines.Add((DateTime.UtcNow, _line.ToString()));
            _line.Clear();
        }
    }

    public override string ToString() => string.Join('\n', Lines.Select(l => $"{l.At:HH:mm:ss.fff} {l.Line}"));
}
