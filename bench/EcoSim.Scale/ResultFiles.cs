namespace EcoSim.Scale;

/// <summary>Prints the summary table and writes samples.csv, summary.csv and summary.md.</summary>
internal static class ResultFiles
{
    public const string SamplesFile = "samples.csv";

    public static void Print(IReadOnlyList<SummaryRow> rows, TextWriter output)
    {
        int m = Math.Max(7, rows.Max(r => r.Measure.Length)), v = Math.Max(5, rows.Max(r => r.Value.Length)), t = Math.Max(6, rows.Max(r => r.Target.Length));
        output.WriteLine();
        output.WriteLine($"{"measure".PadRight(m)} | {"value".PadRight(v)} | {"target".PadRight(t)} | met?");
        output.WriteLine($"{new string('-', m)}-+-{new string('-', v)}-+-{new string('-', t)}-+-------");
        foreach (var r in rows) output.WriteLine($"{r.Measure.PadRight(m)} | {r.Value.PadRight(v)} | {r.Target.PadRight(t)} | {r.MetText}");
    }

    public static void Write(HarnessResults results, string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, SamplesFile), results.Samples.Select(s => s.ToCsv()).Prepend(Sample.Header));
        File.WriteAllLines(Path.Combine(folder, "summary.csv"),
            results.Summary.Select(r => string.Join(',', new[] { r.Measure, r.Value, r.Target, r.MetText }.Select(Quote))).Prepend("measure,value,target,met"));
        File.WriteAllLines(Path.Combine(folder, "summary.md"),
            results.Summary.Select(r => $"| {r.Measure} | {r.Value} | {r.Target} | {r.MetText} |").Prepend("|---|---|---|---|").Prepend("| measure | value | target | met? |"));
    }

    public static IReadOnlyList<Sample> ReadSamples(string path) => [.. File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(Sample.FromCsv)];

    private static string Quote(string field) => field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
