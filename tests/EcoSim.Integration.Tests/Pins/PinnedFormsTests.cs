namespace EcoSim.Integration.Tests.Pins;

/// <summary>The manifest's pinned form leaves out the circumstances of a run and nothing else.</summary>
public sealed class PinnedFormsTests
{
    private const string Manifest = """
        {"format":"ecosim-run","seed":11,"scenarioPath":"/somewhere/small.yaml","startedUtc":"2026-01-01T00:00:00Z","codeVersion":"1.0+abc",
         "commandLine":["ecosim","run"],"files":[{"path":"metrics.csv","bytes":10,"sha256":"aa"},{"path":"metrics.parquet","bytes":20,"sha256":"bb"}]}
        """;

    [Fact]
    public void Times_versions_commands_machine_paths_and_parquet_hashes_do_not_count()
    {
        string other = Manifest.Replace("2026-01-01", "2027-05-05").Replace("1.0+abc", "1.1+def").Replace("/somewhere/", "/elsewhere/")
            .Replace("\"run\"]", "\"run\",\"--out\",\"x\"]").Replace("\"bytes\":20,\"sha256\":\"bb\"", "\"bytes\":21,\"sha256\":\"cc\"");
        Assert.Equal(PinnedForms.Manifest(Manifest), PinnedForms.Manifest(other));
        Assert.Contains("\"small.yaml\"", PinnedForms.Manifest(Manifest));
    }

    [Theory]
    [InlineData("\"seed\":11", "\"seed\":12")]
    [InlineData("\"sha256\":\"aa\"", "\"sha256\":\"ab\"")]
    [InlineData("small.yaml", "large.yaml")]
    public void What_the_run_was_and_the_data_files_hashes_count(string from, string to) =>
        Assert.NotEqual(PinnedForms.Manifest(Manifest), PinnedForms.Manifest(Manifest.Replace(from, to)));
}
