using System.Globalization;
using System.Text.RegularExpressions;
using EcoSim.Model.Tests.Support;

namespace EcoSim.Model.Tests.Calibration;

/// <summary>
/// scenarios/data/guangdong-calibration.csv holds every calibration figure with its source, carrying
/// "unverified" and "mirror" where the gathered sources do; the figures the scenario files
/// cite in their comments are the file's.
/// </summary>
public sealed partial class CalibrationDataTests
{
    [Fact]
    public void The_file_parses_and_every_figure_has_a_source()
    {
        var rows = CalibrationData.Rows;
        Assert.True(rows.Count >= 50, $"only {rows.Count} rows");
        foreach (var row in rows)
        {
            Assert.True(IndicatorPattern().IsMatch(row.Indicator), $"indicator '{row.Indicator}' should be snake_case");
            Assert.False(string.IsNullOrWhiteSpace(row.Source), $"{row.Indicator} {row.Year}: no source");
            Assert.False(string.IsNullOrWhiteSpace(row.Unit), $"{row.Indicator} {row.Year}: no unit");
        }
        var duplicates = rows.GroupBy(r => (r.Indicator, r.Year)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Indicator} {g.Key.Year}").ToList();
        Assert.True(duplicates.Count == 0, $"figures given twice: {string.Join(", ", duplicates)}");
    }

    [Fact]
    public void The_RD_series_covers_2016_to_2024_with_its_qualifiers()
    {
        var rd = CalibrationData.Series("rd_expenditure");
        Assert.Equal([2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024], rd.Keys);
        Assert.Equal([203.5, 234.4, 270.5, 309.85, 347.99, 441.19, 480.26, 509.96], rd.Values);
        var first = CalibrationData.Rows.Single(r => r.Indicator == "rd_expenditure" && r.Year == 2016);
        Assert.Contains("unverified", first.Note, StringComparison.Ordinal);
        Assert.Equal([2.56, 2.61, 2.88, 3.14, 3.54, 3.60], CalibrationData.Series("rd_intensity").Values);
        Assert.Equal(88.0, CalibrationData.Series("rd_enterprise_share")[2024]);
        Assert.Equal(1.35, CalibrationData.Series("rd_personnel")[2023]);
        Assert.Equal(19857, CalibrationData.Series("high_tech_enterprises")[2016]);
        Assert.Equal(75000, CalibrationData.Series("high_tech_enterprises")[2023]);
        Assert.Equal([5.5, 6.0, 6.0, 6.50, 6.57, 6.77], CalibrationData.Series("basic_research_share_china").Where(p => p.Key >= 2018).Select(p => p.Value));
        Assert.Equal(10, CalibrationData.Series("basic_research_share_guangdong_target")[2025]);
    }

    [Fact]
    public void Figures_found_only_in_mirrors_say_so()
    {
        // Sources guangdong.md marks as mirrors of official texts.
        string[] mirrors = ["m.n186.com", "272t.com", "shi-fen.com", "mirror"];
        foreach (var row in CalibrationData.Rows.Where(r => mirrors.Any(m => r.Source.Contains(m, StringComparison.Ordinal))))
            Assert.True(row.Note.Contains("mirror", StringComparison.Ordinal) || row.Source.Contains("mirror", StringComparison.Ordinal),
                $"{row.Indicator} {row.Year}: from a mirror ({row.Source}) but not marked 'mirror'");
    }

    [Fact]
    public void The_word_unverified_stays_with_the_2016_RD_figure_only_where_guangdong_md_puts_it()
    {
        var unverified = CalibrationData.Rows.Where(r => r.Note.Contains("unverified", StringComparison.Ordinal) && !r.Note.Contains("the unverified", StringComparison.Ordinal)).ToList();
        Assert.Equal([("rd_expenditure", (int?)2016)], unverified.Select(r => (r.Indicator, r.Year)));
    }

    /// <summary>
    /// Every number in the comments of the baseline scenario is either a cited figure found in the CSV
    /// with the same value, or listed below as something else (a date, a document or section number,
    /// a model setting).
    /// </summary>
    [Fact]
    public void Every_figure_the_baseline_cites_is_in_the_calibration_data()
    {
        CitedFigures.Check("guangdong-baseline.yaml",
        [
            new("More than 75,000 high-tech enterprises in 2023", "high_tech_enterprises", 2023, 75000),
            new("Shenzhen alone > 1.5 trn", "shenzhen_pevc_assets", 2024, 1500, "bn yuan: 1.5 trn"),
            new("ten pillar clusters 15 trn in 2019", "cluster_revenue_pillar", 2019, 15000, "bn yuan: 15 trn"),
            new("ten emerging clusters about 3 trn in 2023", "cluster_revenue_emerging", 2023, 3000, "bn yuan: 3 trn"),
            new("eight trillion-yuan clusters in 2023", "trillion_yuan_clusters", 2023, 8),
            new("about 88% of the 2023", "rd_enterprise_share", 2024, 88.0),
            new("total of 480.26 bn yuan", "rd_expenditure", 2023, 480.26),
            new("enterprise share 88.0% in 2024", "rd_enterprise_share", 2024, 88.0),
            new("phase I to approval ~10.5 years", "drug_years_phase1_to_approval", null, 10.5),
            new("7.9% success", "drug_approval_rate_from_phase1", null, 7.9),
        ],
        [
            ("2024-02-19", "date of the article"), ("2024-05-27", "date of the article"), ("2024-10-23", "date of the article"),
            ("[2020] No. 82", "document number"), ("(0..1)", "the relatedness scale"),
        ]);
    }

    [Fact]
    public void Every_figure_the_backcast_cites_is_in_the_calibration_data()
    {
        CitedFigures.Check("guangdong-backcast-2016.yaml",
        [
            new("19,857 high-tech enterprises in 2016", "high_tech_enterprises", 2016, 19857),
            new("15 trn in 2019 (southcn.com)", "cluster_revenue_pillar", 2019, 15000, "bn yuan: 15 trn"),
            new("1.5 trn in 2019 (southcn.com)", "cluster_revenue_emerging", 2019, 1500, "bn yuan: 1.5 trn"),
            new("about 3 trn in 2023 (China Daily", "cluster_revenue_emerging", 2023, 3000, "bn yuan: 3 trn"),
            new("the 203.5 bn yuan of 2016 (unverified; 33pp.com)", "rd_expenditure", 2016, 203.5),
            new("1.35 million R&D personnel in 2023", "rd_personnel", 2023, 1.35),
            new("more than 75,000 high-tech enterprises in 2023", "high_tech_enterprises", 2023, 75000),
        ],
        [
            ("2024-10-23", "date of the article"),
            ("(1 + publicBudgetGrowth)^8", "eight years from 2016 to 2024"),
            ("three years at 5%/yr (assumed; no 2016 figure found)", "an assumed growth rate"),
            ("the baseline's revenues divided by 1.05^3", "the same assumption as a factor"),
            ("imply 18.9%/yr", "derived from the two sourced totals: 2^(1/4) - 1"),
            ("0.5 / 1.189^3", "the same as a factor"),
            ("one factor, 0.5196 (calibrated)", "calibrated, docs/SCENARIOS.md"),
            ("(100 bn yuan/yr, assumed)", "the baseline's assumed budget"),
            ("100 / 1.06^8", "the budget taken back eight years at the calibrated growth rate"),
            ("50% from 2016 (Cai Shui [2015] No. 119), 75% from 2018 (Cai Shui [2018] No. 99), 100% from 2021 (MOF/STA Announcement 2021 No. 13, manufacturing; all firms from 2023, Announcement 2023 No. 7,",
             "tax policy history from the policy documents, not calibration data"),
        ]);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex IndicatorPattern();
}

/// <summary>A figure a scenario file cites: the text around it, and the CSV row it must equal.</summary>
/// <param name="Fragment">Text of the comment holding the figure.</param>
/// <param name="Indicator">Indicator in the CSV.</param>
/// <param name="Year">Year in the CSV (null for literature anchors).</param>
/// <param name="Value">Value in the CSV's unit.</param>
/// <param name="Conversion">How the fragment's figure becomes the CSV's unit, when it differs.</param>
internal sealed record Citation(string Fragment, string Indicator, int? Year, double Value, string Conversion = "");

/// <summary>Checks the figures cited in a scenario file's comments against the calibration data.</summary>
internal static partial class CitedFigures
{
    /// <param name="file">Scenario file name under scenarios/.</param>
    /// <param name="citations">The figures it cites.</param>
    /// <param name="others">Comment text holding numbers that are not figures, and why.</param>
    public static void Check(string file, IReadOnlyList<Citation> citations, IReadOnlyList<(string Fragment, string Why)> others)
    {
        string comments = Comments(File.ReadAllText(TestWorlds.LibraryScenario(file)));
        var problems = new List<string>();
        foreach (var c in citations)
        {
            if (!comments.Contains(c.Fragment, StringComparison.Ordinal)) problems.Add($"the comments no longer say '{c.Fragment}'");
            var row = CalibrationData.Rows.FirstOrDefault(r => r.Indicator == c.Indicator && r.Year == c.Year);
            if (row is null) problems.Add($"'{c.Fragment}': no row {c.Indicator} {c.Year} in scenarios/data/guangdong-calibration.csv");
            else if (row.Value != c.Value) problems.Add($"'{c.Fragment}': the CSV has {c.Indicator} {c.Year} = {row.Value.ToString(CultureInfo.InvariantCulture)}, the file {c.Value.ToString(CultureInfo.InvariantCulture)}");
        }
        foreach (var (fragment, _) in others)
            if (!comments.Contains(fragment, StringComparison.Ordinal)) problems.Add($"the comments no longer say '{fragment}' (remove it from the list of non-figures)");

        // Every number left once the known fragments are cut out is unaccounted for, except bare years.
        string rest = comments;
        foreach (var fragment in citations.Select(c => c.Fragment).Concat(others.Select(o => o.Fragment)).OrderByDescending(f => f.Length))
            rest = rest.Replace(fragment, " ", StringComparison.Ordinal);
        foreach (Match m in NumberPattern().Matches(rest))
            if (!(m.Value.Length == 4 && int.TryParse(m.Value, CultureInfo.InvariantCulture, out int year) && year is >= 1900 and <= 2100))
                problems.Add($"the number {m.Value} in '...{Around(rest, m.Index)}...' is neither a cited figure nor listed as something else");

        Assert.True(problems.Count == 0,
            $"scenarios/{file}: its comments and scenarios/data/guangdong-calibration.csv disagree:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}{Environment.NewLine}" +
            "Put every figure a scenario cites into the CSV with its source (and 'unverified' or 'mirror' where it applies), and list it in this test.");
    }

    /// <summary>The text of every comment in a YAML file (a '#' at the start of a line or after a space), joined by spaces.</summary>
    private static string Comments(string yaml) =>
        string.Join(" ", yaml.Split('\n').Select(line => CommentPattern().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value.Trim()));

    private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 30), Math.Min(60, text.Length - Math.Max(0, at - 30)));

    [GeneratedRegex(@"(?:^|\s)#(.*)$")]
    private static partial Regex CommentPattern();

    /// <summary>A number, not part of a word (so not the 33 of 33pp.com nor the 1 of 2024Q1).</summary>
    [GeneratedRegex(@"(?<![A-Za-z])\d+(?:[.,]\d+)*(?![A-Za-z\d])")]
    private static partial Regex NumberPattern();
}
