using System.Text;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.ScenarioLoading;

/// <summary>Loading is safe: no anchors or aliases (no alias bombs) and a depth limit.</summary>
public class SafetyTests
{
    private const string AnchorMessage = "YAML anchors and aliases are not supported in scenario files";

    [Fact]
    public void An_anchor_is_rejected_at_the_anchored_node()
    {
        using var f = new TempFolder();
        // "name: &n tiny": the anchored scalar starts at column 7.
        TinyScenario.AssertSingleError(f.Write("anchor.yaml", TinyScenario.WithLine(1, "name: &n tiny")), 1, 7, "", AnchorMessage);
    }

    [Fact]
    public void An_anchor_and_its_alias_are_rejected_once()
    {
        using var f = new TempFolder();
        string text = TinyScenario.WithLine(1, "name: &n tiny").Replace("description: a small valid scenario for tests", "description: *n");
        TinyScenario.AssertSingleError(f.Write("alias.yaml", text), 1, 7, "", AnchorMessage);
    }

    [Fact]
    public void An_anchored_mapping_used_as_a_merge_key_is_rejected()
    {
        using var f = new TempFolder();
        string text = "defaults: &d { kind: pillar }\nname: tiny\nclusters:\n  - { <<: *d, id: a, revenue: 1, rdIntensity: 0.1 }\n";
        // "defaults: &d {...}": the anchored mapping starts at column 11.
        TinyScenario.AssertSingleError(f.Write("merge.yaml", text), 1, 11, "", AnchorMessage);
    }

    /// <summary>Nine levels of ten aliases each: 10^9 scalars if expanded.</summary>
    private static string AliasBomb(bool lastAliasAsKey, int levels = 9)
    {
        var text = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int level = 1; level <= levels; level++)
            text.Append($"a{level}: &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", 10)).Append("]\n");
        text.Append(lastAliasAsKey ? $"? *a{levels}\n: boom\n" : $"boom: *a{levels}\n");
        return text.ToString();
    }

    [Fact]
    public void Alias_bomb_is_rejected_without_expanding_it()
    {
        // Were the aliases expanded (10^9 nodes), this test would not finish; the anchor on line 1
        // ("a0: &a0 [...]", the sequence at column 5) is reported and nothing else.
        using var f = new TempFolder();
        TinyScenario.AssertSingleError(f.Write("bomb.yaml", AliasBomb(lastAliasAsKey: false)), 1, 5, "", AnchorMessage);
    }

    [Fact]
    public void Alias_bomb_used_as_a_mapping_key_is_rejected_without_expanding_it()
    {
        // Before the fix this test did not terminate in practice: YamlMappingNode re-adds the resolved
        // alias as a dictionary key, and YamlSequenceNode.GetHashCode visits all 10^12 expanded nodes.
        // The text is now pre-scanned event by event, and the first anchor stops it.
        using var f = new TempFolder();
        TinyScenario.AssertSingleError(f.Write("bomb.yaml", AliasBomb(lastAliasAsKey: true, levels: 12)), 1, 5, "", AnchorMessage);
    }

    [Fact]
    public void Nesting_deeper_than_16_levels_is_rejected_at_the_first_node_too_deep()
    {
        // The root mapping is level 0; "deep: [[...[1]...]]" with 16 brackets puts the scalar 1 at
        // level 17. "deep: " takes 6 columns, so the 16 brackets are columns 7..22 and the scalar is at 23.
        using var f = new TempFolder();
        string text = TinyScenario.Text + "deep: " + new string('[', 16) + "1" + new string(']', 16) + "\n";
        TinyScenario.AssertSingleError(f.Write("deep.yaml", text), 27, 23, "", "nesting is deeper than 16 levels");
    }

    [Fact]
    public void Nesting_of_16_levels_is_accepted_as_far_as_depth_goes()
    {
        // 15 brackets: the scalar is at level 16, allowed; what remains is the unknown key.
        using var f = new TempFolder();
        string text = TinyScenario.Text + "deep: " + new string('[', 15) + "1" + new string(']', 15) + "\n";
        TinyScenario.AssertSingleError(f.Write("deep.yaml", text), 27, 1, "deep", "unknown key");
    }

    [Fact]
    public void Very_deep_nesting_within_the_size_limit_is_rejected()
    {
        // Before the fix YamlStream.Load recursed once per level and overflowed the stack, which cannot be
        // caught and ends the test run. The pre-scan stops at the 17th '[' (column 6 + 17 = 23).
        using var f = new TempFolder();
        string text = "deep: " + new string('[', 50_000) + new string(']', 50_000) + "\n";
        TinyScenario.AssertSingleError(f.Write("deeper.yaml", text), 1, 23, "", "nesting is deeper than 16 levels");
    }

    [Fact]
    public void Very_deep_block_nesting_is_rejected_at_the_first_node_too_deep()
    {
        // Block mappings "k:" each indented one more space: the key on line 17 is at level 17.
        using var f = new TempFolder();
        var text = new StringBuilder();
        for (int level = 0; level < 1000; level++) text.Append(' ', level).Append("k:\n"); // about 0.5 MB
        TinyScenario.AssertSingleError(f.Write("block.yaml", text.ToString()), 17, 17, "", "nesting is deeper than 16 levels");
    }

    [Fact]
    public void An_anchor_deep_inside_the_text_is_rejected_where_it_is()
    {
        using var f = new TempFolder();
        // "    set: { minBasicShare: &m 0.3333 }": the anchored scalar starts at column 27.
        TinyScenario.AssertSingleError(f.Write("late.yaml", TinyScenario.WithLine(26, "    set: { minBasicShare: &m 0.3333 }")), 26, 27, "", AnchorMessage);
    }
}
