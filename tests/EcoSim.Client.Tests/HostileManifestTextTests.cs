using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>
/// A manifest that is not JSON is refused in EcoSim's words, at the place an editor shows (lines and bytes
/// counted from 1), without the JSON reader's field names; a byte-order mark an editor added is not an error.
/// </summary>
public sealed class HostileManifestTextTests
{
    private static readonly string Valid = ManifestWriter.Serialize(ManifestTests.Sample());

    [Fact]
    public void A_manifest_cut_short_is_refused_at_its_line_and_byte_counted_from_one()
    {
        string[] lines = Valid.Split('\n');
        string cut = string.Join('\n', lines[..4]) + "\n" + lines[4][..10];

        var problem = Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(cut));

        Assert.Null(problem.Key);
        Assert.StartsWith("not valid JSON at line 5, byte ", problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message);
        Assert.DoesNotContain("BytePositionInLine", problem.Message);
        Assert.DoesNotContain("Path:", problem.Message);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_refused_in_words_with_its_place()
    {
        string deep = "{\"seed\": " + new string('[', 5_000) + new string(']', 5_000) + "}";

        var problem = Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(deep));

        Assert.StartsWith("not valid JSON at line 1, byte ", problem.Message);
        Assert.Contains("depth", problem.Message);
        Assert.DoesNotContain("LineNumber", problem.Message);
    }

    [Fact]
    public void A_byte_order_mark_before_the_manifest_is_read_past()
    {
        var read = ManifestReader.Deserialize("\uFEFF" + Valid);

        Assert.Equal(Valid, ManifestWriter.Serialize(read));
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_a_manifest_from_the_output_folder_check()
    {
        using var temp = new TempFolder();
        string path = temp.Combine("manifest.json");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. System.Text.Encoding.UTF8.GetBytes(Valid)]);

        Assert.True(ManifestReader.HasFormatMarker(path));
    }
}
