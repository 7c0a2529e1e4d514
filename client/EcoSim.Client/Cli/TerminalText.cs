using System.Text;

namespace EcoSim.Client.Cli;

/// <summary>
/// A writer for what ecosim prints, showing every control character (other than line ends and tabs), the C1
/// controls and the Unicode direction overrides as <c>\uXXXX</c>. Names, paths, scenario text and messages
/// read from files reach the terminal through it, so none of them can move the cursor, recolour, retitle or
/// reorder what the terminal shows.
/// </summary>
/// <param name="inner">The writer the text goes to (standard output or error); not disposed with this one.</param>
internal sealed class TerminalText(TextWriter inner) : TextWriter
{
    private static readonly bool CarriageReturnEndsLines = Environment.NewLine.Contains('\r', StringComparison.Ordinal);

    /// <summary>The writer the text goes to.</summary>
    public TextWriter Inner { get; } = inner;

    public override Encoding Encoding => Inner.Encoding;

    public override IFormatProvider FormatProvider => Inner.FormatProvider;

    /// <summary><paramref name="writer"/> wrapped, unless it already is.</summary>
    public static TextWriter Guard(TextWriter writer) => writer as TerminalText ?? new TerminalText(writer);

    /// <summary>The writer under <paramref name="writer"/> if it is a <see cref="TerminalText"/>, else itself.</summary>
    public static TextWriter Unwrap(TextWriter writer) => writer is TerminalText guarded ? guarded.Inner : writer;

    /// <summary><paramref name="text"/> with every unsafe character written as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(Unsafe)) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
            if (Unsafe(c)) escaped.Append($"\\u{(int)c:X4}");
            else escaped.Append(c);
        return escaped.ToString();
    }

    public override void Write(char value)
    {
        if (Unsafe(value)) Inner.Write($"\\u{(int)value:X4}");
        else Inner.Write(value);
    }

    public override void Write(string? value) => Inner.Write(value is null ? null : Escape(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Inner.WriteLine(value is null ? null : Escape(value));

    public override void Flush() => Inner.Flush();

    private static bool Unsafe(char c) =>
        c switch
        {
            '\n' or '\t' => false,
            '\r' => !CarriageReturnEndsLines,
            < ' ' or (>= '\u007F' and <= '\u009F') => true,
            (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => true,
            _ => false,
        };
}
