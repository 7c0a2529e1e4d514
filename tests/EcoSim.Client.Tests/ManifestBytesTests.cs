using EcoSim.Experiments.Ensembles;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>
/// The JSON of every kind of manifest, to the byte: key names, key order, layout and final newline are
/// what earlier versions wrote (plus <c>uncommittedChanges</c> after the code version), and text written
/// then reads back to the same manifest.
/// </summary>
public sealed class ManifestBytesTests
{
    private const string RunJson =
        """
        {
          "format": "ecosim-run",
          "formatVersion": 1,
          "scenarioName": "small",
          "scenarioPath": "scenarios/small.yaml",
          "scenarioText": "name: small\nseed: 7\n# 广东 & “quoted”\n",
          "scenarioSha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
          "seed": 18446744073709551615,
          "engine": "orleans",
          "siloCount": 3,
          "firmsPerShard": 500,
          "tickCount": 8,
          "firstPeriod": "2024Q1",
          "lastPeriod": "2025Q4",
          "codeVersion": "1.0.0+0123456789abcdef",
          "uncommittedChanges": false,
          "runtimeVersion": ".NET 10.0.0",
          "osDescription": "Linux 6.1",
          "commandLine": [
            "ecosim",
            "run",
            "scenarios/small.yaml",
            "-o",
            "runs/a b"
          ],
          "startedUtc": "2025-01-02T03:04:05.678Z",
          "endedUtc": "2025-01-02T04:00:00Z",
          "plots": true,
          "firmPanelEvery": 4,
          "files": [
            {
              "path": "metrics.csv",
              "bytes": 12,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            },
            {
              "path": "report.html",
              "bytes": 34,
              "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            }
          ]
        }
        """;

    private const string ComparisonJson =
        """
        {
          "format": "ecosim-run",
          "formatVersion": 1,
          "kind": "compare",
          "baseline": {
            "name": "small",
            "path": "scenarios/small.yaml",
            "text": "name: small\nseed: 7\n# 广东 & “quoted”\n",
            "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
          },
          "policy": {
            "name": "policy",
            "path": "scenarios/policy.yaml",
            "text": "name: small\nseed: 7\n# 广东 & “quoted”\n",
            "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
          },
          "seeds": [
            7,
            8
          ],
          "engine": "reference",
          "siloCount": 0,
          "firmsPerShard": 0,
          "tickCount": 8,
          "codeVersion": "1.0.0+0123456789abcdef",
          "uncommittedChanges": true,
          "runtimeVersion": ".NET 10.0.0",
          "osDescription": "Linux 6.1",
          "commandLine": [
            "ecosim",
            "compare",
            "a.yaml",
            "b.yaml"
          ],
          "startedUtc": "2025-01-02T03:04:05.678Z",
          "endedUtc": "2025-01-02T04:00:00Z",
          "plots": false,
          "files": [
            {
              "path": "metrics.csv",
              "bytes": 12,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            },
            {
              "path": "report.html",
              "bytes": 34,
              "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            }
          ]
        }
        """;

    private const string EnsembleJson =
        """
        {
          "format": "ecosim-run",
          "formatVersion": 1,
          "kind": "ensemble",
          "scenario": {
            "name": "small",
            "path": "scenarios/small.yaml",
            "text": "name: small\nseed: 7\n# 广东 & “quoted”\n",
            "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
          },
          "seeds": [
            7,
            8,
            9
          ],
          "engine": "reference",
          "siloCount": 0,
          "firmsPerShard": 0,
          "tickCount": 8,
          "firstPeriod": "2024Q1",
          "lastPeriod": "2025Q4",
          "codeVersion": "1.0.0+0123456789abcdef",
          "uncommittedChanges": null,
          "runtimeVersion": ".NET 10.0.0",
          "osDescription": "Linux 6.1",
          "commandLine": [
            "ecosim",
            "run",
            "small.yaml",
            "--seeds",
            "3"
          ],
          "startedUtc": "2025-01-02T03:04:05.678Z",
          "endedUtc": "2025-01-02T04:00:00Z",
          "plots": true,
          "files": [
            {
              "path": "metrics.csv",
              "bytes": 12,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            },
            {
              "path": "report.html",
              "bytes": 34,
              "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            }
          ]
        }
        """;

    private const string SweepJson =
        """
        {
          "format": "ecosim-run",
          "formatVersion": 1,
          "kind": "sweep",
          "scenario": {
            "name": "small",
            "path": "scenarios/small.yaml",
            "text": "name: small\nseed: 7\n# 广东 & “quoted”\n",
            "sha256": "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
          },
          "parameters": [
            {
              "name": "rd_subsidy",
              "from": 0,
              "to": 0.5,
              "step": 0.5,
              "values": [
                0,
                0.5
              ],
              "replacedChanges": 1
            }
          ],
          "points": 2,
          "seeds": [
            7,
            8
          ],
          "engine": "orleans",
          "siloCount": 1,
          "firmsPerShard": 250,
          "tickCount": 8,
          "codeVersion": "1.0.0+0123456789abcdef",
          "uncommittedChanges": false,
          "runtimeVersion": ".NET 10.0.0",
          "osDescription": "Linux 6.1",
          "commandLine": [
            "ecosim",
            "sweep",
            "small.yaml",
            "--param",
            "rd_subsidy=0:0.5:0.5"
          ],
          "startedUtc": "2025-01-02T03:04:05.678Z",
          "endedUtc": "2025-01-02T04:00:00Z",
          "plots": null,
          "files": [
            {
              "path": "metrics.csv",
              "bytes": 12,
              "sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
            },
            {
              "path": "report.html",
              "bytes": 34,
              "sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            }
          ]
        }
        """;

    [Fact]
    public void Run_manifest_json_is_unchanged() =>
        Assert.Equal(RunJson + "\n", ManifestWriter.Serialize(ManifestSamples.Run()));

    [Fact]
    public void Comparison_manifest_json_is_unchanged() =>
        Assert.Equal(ComparisonJson, ManifestWriter.Serialize(ManifestSamples.Comparison()));

    [Fact]
    public void Ensemble_manifest_json_is_unchanged() =>
        Assert.Equal(EnsembleJson + "\n", ManifestWriter.Serialize(ManifestSamples.Ensemble()));

    [Fact]
    public void Sweep_manifest_json_is_unchanged() =>
        Assert.Equal(SweepJson + "\n", ManifestWriter.Serialize(ManifestSamples.Sweep()));

    [Fact]
    public void Only_a_comparisons_manifest_ends_without_a_newline_and_the_kind_is_never_a_key()
    {
        Assert.False(ManifestWriter.Serialize(ManifestSamples.Comparison()).EndsWith('\n'));
        foreach (var json in new[] { ManifestWriter.Serialize(ManifestSamples.Run()), ManifestWriter.Serialize(ManifestSamples.Ensemble()), ManifestWriter.Serialize(ManifestSamples.Sweep()) })
            Assert.EndsWith("}\n", json, StringComparison.Ordinal);
        Assert.DoesNotContain("endsWithNewline", ManifestWriter.Serialize(ManifestSamples.Comparison()), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Earlier_json_reads_back_to_the_same_manifest()
    {
        Assert.Equal(RunJson + "\n", ManifestWriter.Serialize(ManifestReader.Deserialize(RunJson)));
        Assert.Equal(ComparisonJson, ManifestWriter.Serialize(ManifestReader.Deserialize(ComparisonJson)));
        Assert.Equal(EnsembleJson + "\n", ManifestWriter.Serialize(ManifestReader.Deserialize(EnsembleJson)));
        Assert.Equal(SweepJson + "\n", ManifestWriter.Serialize(ManifestReader.Deserialize(SweepJson)));
    }

    [Fact]
    public void The_kind_key_picks_the_payload_and_a_manifest_without_one_is_a_run()
    {
        Assert.IsType<RunPayload>(ManifestReader.Deserialize(RunJson).Payload);
        Assert.IsType<ComparisonPayload>(ManifestReader.Deserialize(ComparisonJson).Payload);
        Assert.IsType<EnsemblePayload>(ManifestReader.Deserialize(EnsembleJson).Payload);
        Assert.IsType<SweepPayload>(ManifestReader.Deserialize(SweepJson).Payload);
        Assert.Throws<InvalidOperationException>(() => ManifestReader.Deserialize(SweepJson).PayloadOf<RunPayload>());
    }

    [Theory]
    [InlineData("\"kind\": \"sweep\"", "\"kind\": \"forecast\"", "kind")]
    [InlineData("\"kind\": \"sweep\"", "\"kind\": 3", "kind")]
    [InlineData("\"points\": 2", "\"points\": \"two\"", "points")]
    [InlineData("\"points\": 2,", "", "points")]
    [InlineData("\"engine\": \"orleans\",", "", "engine")]
    [InlineData("\"siloCount\": 1", "\"siloCount\": 1.5", "siloCount")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "formatVersion")]
    [InlineData("\"format\": \"ecosim-run\"", "\"format\": \"other\"", "format")]
    [InlineData("\"points\": 2", "\"points\": 2, \"points\": 3", "points")]
    public void A_malformed_manifest_of_any_kind_is_refused_naming_the_key(string from, string to, string key)
    {
        string json = SweepJson.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(SweepJson, json);
        var problem = Assert.Throws<ManifestProblem>(() => ManifestReader.Deserialize(json));
        Assert.Equal(key, problem.Key);
    }

    [Fact]
    public void A_manifest_from_before_uncommitted_changes_were_recorded_reads_them_as_unknown()
    {
        string older = RunJson.Replace("  \"uncommittedChanges\": false,\n", "", StringComparison.Ordinal);
        Assert.NotEqual(RunJson, older);
        Assert.Null(ManifestReader.Deserialize(older).UncommittedChanges);
        Assert.False(ManifestReader.Deserialize(RunJson).UncommittedChanges);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("unknown", null)]
    [InlineData(null, null)]
    public void The_builds_record_of_uncommitted_changes_is_read_as_true_false_or_unknown(string? recorded, bool? expected) =>
        Assert.Equal(expected, RunEnvironment.Parse(recorded));
}
