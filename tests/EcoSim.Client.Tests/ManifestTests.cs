using EcoSim.Experiments;
using System.Text.Json;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

public sealed class ManifestTests
{
    private const string ScenarioText = "name: baseline\nseed: 42\n# R&D in 广东 — “quoted”\n";

    internal static OutputManifest Sample() => new()
    {
        Payload = new RunPayload
        {
            ScenarioName = "baseline",
            ScenarioPath = "scenarios/baseline.yaml",
            ScenarioText = ScenarioText,
            ScenarioSha256 = ContentHash.OfText(ScenarioText),
            Seed = ulong.MaxValue,
            FirstPeriod = "2024Q1",
            LastPeriod = "2033Q4",
        },
        Engine = EngineKind.Orleans.Name(),
        SiloCount = 3,
        FirmsPerShard = 500,
        TickCount = 40,
        CodeVersion = "1.0.0+0123456789abcdef",
        RuntimeVersion = RunEnvironment.RuntimeVersion,
        OsDescription = RunEnvironment.OsDescription,
        CommandLine = ["ecosim", "run", "scenarios/baseline.yaml", "--out", "runs/a b"],
        StartedUtc = new DateTime(2025, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc),
        EndedUtc = new DateTime(2025, 1, 2, 4, 0, 0, DateTimeKind.Utc),
        Files = [new ManifestFile("metrics.csv", 12, new string('a', 64)), new ManifestFile("plots/rd.png", 34, new string('b', 64))],
    };

    [Fact]
    public void Scenario_hash_is_sha256_of_the_utf8_bytes()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", ContentHash.OfText(""));
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ContentHash.OfText("abc"));
        // "é" is two UTF-8 bytes (c3 a9); its SHA-256 is fixed.
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(new byte[] { 0xc3, 0xa9 })),
            ContentHash.OfText("é"));
    }

    [Fact]
    public void Round_trip_through_a_file_preserves_every_field()
    {
        using var temp = new TempFolder();
        string path = temp.Combine("manifest.json");
        OutputManifest written = Sample();

        ManifestWriter.Write(path, written);
        OutputManifest read = ManifestReader.Read(path);

        Assert.Equal(written.CommandLine, read.CommandLine);
        Assert.Equal(written.Files, read.Files);
        Assert.Equal(DateTimeKind.Utc, read.StartedUtc.Kind);
        Assert.Equal(written with { CommandLine = [], Files = [] }, read with { CommandLine = [], Files = [] });
        Assert.Equal(ContentHash.OfText(read.PayloadOf<RunPayload>().ScenarioText), read.PayloadOf<RunPayload>().ScenarioSha256);
        Assert.Equal(ManifestWriter.Serialize(written), File.ReadAllText(path));
    }

    [Fact]
    public void Json_is_indented_camel_case_with_the_format_marker_and_iso_utc_times()
    {
        string json = ManifestWriter.Serialize(Sample());

        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        Assert.Equal("ecosim-run", root.GetProperty("format").GetString());
        Assert.Equal(1, root.GetProperty("formatVersion").GetInt32());
        Assert.Equal("orleans", root.GetProperty("engine").GetString());
        Assert.Equal("2025-01-02T03:04:05.678Z", root.GetProperty("startedUtc").GetString());
        Assert.Equal(ScenarioText, root.GetProperty("scenarioText").GetString());
        Assert.Equal("plots/rd.png", root.GetProperty("files")[1].GetProperty("path").GetString());
        Assert.Contains("\n  \"scenarioName\": \"baseline\",\n", json);
        Assert.Contains("R&D in 广东", json);
        Assert.DoesNotContain("\r", json);
    }

    [Fact]
    public void Reader_rejects_foreign_and_newer_manifests()
    {
        string json = ManifestWriter.Serialize(Sample());

        Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(json.Replace("\"ecosim-run\"", "\"other\"")));
        Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(json.Replace("\"formatVersion\": 1", "\"formatVersion\": 99")));
        Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize("{ \"format\": \"ecosim-run\" }"));
        Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize("not json"));
        Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(json.Replace("\"format\": \"ecosim-run\",", "")));
    }

    [Fact]
    public void Local_times_are_written_as_utc()
    {
        var local = new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Local);

        OutputManifest read = ManifestReader.Deserialize(ManifestWriter.Serialize(Sample() with { StartedUtc = local }));

        Assert.Equal(local.ToUniversalTime(), read.StartedUtc);
    }

    [Fact]
    public void DescribeFiles_lists_every_file_but_the_manifest_with_its_hash()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("plots"));
        File.WriteAllText(temp.Combine("metrics.csv"), "abc");
        File.WriteAllText(temp.Combine("plots", "rd.png"), "");
        File.WriteAllText(temp.Combine("manifest.json"), "{}");

        IReadOnlyList<ManifestFile> files = ContentHash.DescribeFiles(temp.Path);

        Assert.Equal(
        [
            new ManifestFile("metrics.csv", 3, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            new ManifestFile("plots/rd.png", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ], files);
    }
}
