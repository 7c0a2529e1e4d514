using EcoSim.Hosting;

namespace EcoSim.Cluster.Tests;

/// <summary>Loopback by default: a silo on another address needs TLS and the Redis password, or an explicit insecure setting.</summary>
public sealed class ClusterExposureTests
{
    private static readonly ClusterCredentials Tls = Credentials(tls: true);

    private static ClusterCredentials Credentials(bool tls)
    {
        string folder = Path.Combine(Path.GetTempPath(), "ecosim-exposure-tests", Guid.NewGuid().ToString("N"));
        try
        {
            ClusterCredentialFiles.Create(folder, "exposure", tls);
            return ClusterCredentialFiles.Read(folder);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    private static EcoSimClusterOptions Silo(string address, bool insecure = false) =>
        new() { Clustering = EcoSimClustering.Redis, Address = address, InsecureNonLoopback = insecure };

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.3")]
    [InlineData("::1")]
    public void A_loopback_silo_needs_no_credentials(string address) => ClusterExposure.EnsureAllowed(Silo(address), ClusterCredentials.None);

    [Theory]
    [InlineData("192.0.2.10")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    public void An_exposed_silo_without_credentials_is_refused_with_what_is_missing_and_the_way_out(string address)
    {
        var error = Assert.Throws<ClusterSecurityException>(() => ClusterExposure.EnsureAllowed(Silo(address), ClusterCredentials.None));
        Assert.Contains($"refusing to bind {System.Net.IPAddress.Parse(address)}", error.Message);
        Assert.Contains("TLS", error.Message);
        Assert.Contains("a Redis password", error.Message);
        Assert.Contains("--EcoSim:Cluster:InsecureNonLoopback=true", error.Message);
    }

    [Fact]
    public void Tls_alone_is_not_enough_with_redis_membership()
    {
        var error = Assert.Throws<ClusterSecurityException>(() => ClusterExposure.EnsureAllowed(Silo("192.0.2.10"), Tls with { Secret = null }));
        Assert.Contains("without a Redis password", error.Message);
        Assert.DoesNotContain("TLS (", error.Message);
    }

    [Fact]
    public void A_password_alone_is_not_enough_either()
    {
        var error = Assert.Throws<ClusterSecurityException>(() => ClusterExposure.EnsureAllowed(Silo("192.0.2.10"), Credentials(tls: false)));
        Assert.Contains("without TLS", error.Message);
    }

    [Fact]
    public void An_exposed_silo_is_allowed_with_tls_and_a_password_or_when_told_plainly()
    {
        ClusterExposure.EnsureAllowed(Silo("192.0.2.10"), Tls);
        ClusterExposure.EnsureAllowed(Silo("192.0.2.10", insecure: true), ClusterCredentials.None);
    }
}
