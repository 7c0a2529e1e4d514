using System.Text;
using EcoSim.Model.Tests.Support;
using EcoSim.Scenarios;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>Problems with the file as a whole: reported at line 0, column 0, with no key.</summary>
public class FileLevelErrorTests
{
    private static void AssertWholeFileError(string path, string fragment) => TinyScenario.AssertSingleError(path, 0, 0, "", fragment);

    [Fact]
    public void Empty_file() { using var f = new TempFolder(); AssertWholeFileError(f.Write("empty.yaml", ""), "file is empty"); }

    [Fact]
    public void Whitespace_only_file() { using var f = new TempFolder(); AssertWholeFileError(f.Write("blank.yaml", "  \n\t\r\n   \n"), "file is empty"); }

    [Fact]
    public void Comment_only_file() { using var f = new TempFolder(); AssertWholeFileError(f.Write("comment.yaml", "# nothing but a comment\n"), "file is empty"); }

    [Fact]
    public void Binary_file_with_NUL_bytes()
    {
        using var f = new TempFolder();
        AssertWholeFileError(f.WriteBytes("binary.yaml", [.. Encoding.UTF8.GetBytes("name: tiny\n"), 0, 0, 0xFF, 0x10, 0]), "is not a text file (it contains NUL bytes)");
    }

    [Fact]
    public void Invalid_UTF8()
    {
        using var f = new TempFolder();
        // "caf" then 0xC3 0x28: a two-byte lead followed by a non-continuation byte.
        AssertWholeFileError(f.WriteBytes("latin.yaml", [.. Encoding.UTF8.GetBytes("name: caf"), 0xC3, 0x28, (byte)'\n']), "is not valid UTF-8 text");
        AssertWholeFileError(f.WriteBytes("latin1.yaml", [.. Encoding.UTF8.GetBytes("name: Guangdong "), 0xB9, 0xE3, 0xB6, (byte)'\n']), "is not valid UTF-8 text");
    }

    [Fact]
    public void A_byte_order_mark_is_accepted_and_not_part_of_the_text()
    {
        using var f = new TempFolder();
        string path = f.WriteBytes("bom.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("# a comment first, as editors that write a BOM often have\n" + TinyScenario.Text)]);
        var scenario = ScenarioLoader.Load(path);
        Assert.Equal("tiny", scenario.Name);
        Assert.StartsWith("# a comment", scenario.Sources[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_errors_or_shift_their_columns()
    {
        using var f = new TempFolder();
        string path = f.WriteBytes("bom-bad.yaml", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(TinyScenario.WithLine(1, "nam: tiny"))]);
        var e = TinyScenario.Fails(path);
        TinyScenario.AssertError(e.Errors.Single(x => x.Key == "nam"), path, 1, 1, "nam", "unknown key; did you mean 'name'?");
    }

    [Fact]
    public void Missing_file() { using var f = new TempFolder(); AssertWholeFileError(Path.Combine(f.Path, "nothere.yaml"), "file not found"); }

    [Fact]
    public void A_folder_instead_of_a_file()
    {
        using var f = new TempFolder();
        string folder = Path.Combine(f.Path, "folder.yaml");
        Directory.CreateDirectory(folder);
        AssertWholeFileError(folder, "is a folder, not a scenario file");
    }

    [Fact]
    public void File_over_one_MiB()
    {
        using var f = new TempFolder();
        string text = Padded(ScenarioLoader.MaxFileBytes + 1);
        AssertWholeFileError(f.Write("big.yaml", text), "file is 1048577 bytes; scenario files are limited to 1048576 bytes");
    }

    [Fact]
    public void File_of_exactly_one_MiB_is_accepted()
    {
        using var f = new TempFolder();
        Assert.Equal("tiny", ScenarioLoader.Load(f.Write("limit.yaml", Padded(ScenarioLoader.MaxFileBytes))).Name);
    }

    /// <summary>The tiny scenario padded with comment lines to exactly <paramref name="bytes"/> bytes.</summary>
    private static string Padded(int bytes)
    {
        var text = new StringBuilder(TinyScenario.Text);
        while (text.Length + 81 <= bytes) text.Append('#').Append('x', 79).Append('\n');
        int rest = bytes - text.Length;
        text.Append('#').Append('x', rest - 2).Append('\n');
        Assert.Equal(bytes, text.Length); // ASCII: one byte per character
        return text.ToString();
    }

    [Fact]
    public void Several_YAML_documents()
    {
        using var f = new TempFolder();
        AssertWholeFileError(f.Write("two.yaml", TinyScenario.Text + "---\nname: second\n"), "holds several YAML documents; a scenario is one document");
    }
}
