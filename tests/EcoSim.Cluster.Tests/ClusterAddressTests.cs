using EcoSim.Hosting;

namespace EcoSim.Cluster.Tests;

/// <summary>How --cluster and ECOSIM_CLUSTER are read: one static gateway, or a Redis membership table and a cluster id.</summary>
public sealed class ClusterAddressTests
{
    [Fact]
    public void Host_and_port_name_one_static_gateway()
    {
        Assert.True(ClusterAddress.TryParse("127.0.0.1:30001", out var options));
        Assert.Equal(EcoSimClustering.Localhost, options.Clustering);
        Assert.Equal("127.0.0.1", options.Address);
        Assert.Equal(30001, options.GatewayPort);
        Assert.Equal(new EcoSimClusterOptions().ClusterId, options.ClusterId);
    }

    [Theory]
    [InlineData("redis://127.0.0.1:6379/ecosim-20260101T000000-1-2", "127.0.0.1:6379", "ecosim-20260101T000000-1-2")]
    [InlineData("redis://127.0.0.1:6390", "127.0.0.1:6390", "ecosim")]
    [InlineData("redis://127.0.0.1", "127.0.0.1:6379", "ecosim")]
    [InlineData("REDIS://localhost:6379/mine/", "localhost:6379", "mine")]
    public void A_redis_address_names_the_membership_table_and_the_cluster_id(string text, string redis, string clusterId)
    {
        Assert.True(ClusterAddress.TryParse(text, out var options));
        Assert.Equal(EcoSimClustering.Redis, options.Clustering);
        Assert.Equal(redis, options.Redis);
        Assert.Equal(clusterId, options.ClusterId);
        Assert.Equal(new EcoSimClusterOptions().ServiceId, options.ServiceId);
    }

    [Theory]
    [InlineData("nowhere")]
    [InlineData("127.0.0.1")]
    [InlineData("localhost:30000")]
    [InlineData("127.0.0.1:70000")]
    [InlineData("redis://")]
    [InlineData("redis://127.0.0.1:6379/a/b")]
    [InlineData("redis://127.0.0.1:6379/a b")]
    [InlineData("redis://127.0.0.1:6379/id?x=1")]
    [InlineData("redis://user:secret@127.0.0.1:6379/id")]
    [InlineData("http://127.0.0.1:6379/id")]
    public void Anything_else_is_refused(string text) => Assert.False(ClusterAddress.TryParse(text, out _));

    [Theory]
    [InlineData("Localhost", EcoSimClustering.Localhost)]
    [InlineData(" redis ", EcoSimClustering.Redis)]
    public void The_clustering_setting_is_read_loosely(string setting, string kind) =>
        Assert.Equal(kind, EcoSimClustering.Of(new EcoSimClusterOptions { Clustering = setting }));

    [Fact]
    public void An_unknown_clustering_setting_is_refused_with_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => EcoSimClustering.Of(new EcoSimClusterOptions { Clustering = "zookeeper" }));
        Assert.Contains("'localhost' or 'redis'", error.Message);
    }
}
