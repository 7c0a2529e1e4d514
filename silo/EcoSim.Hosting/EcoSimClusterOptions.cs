using System.Net;

namespace EcoSim.Hosting;

/// <summary>
/// Where an EcoSim cluster lives and what it is called. Silos and clients take their cluster id and
/// service id from this one class, so they cannot disagree. Everything binds to loopback unless told
/// otherwise.
/// </summary>
public sealed class EcoSimClusterOptions
{
    /// <summary>Configuration section (e.g. <c>EcoSim__Cluster__SiloPort</c> in the environment).</summary>
    public const string Section = "EcoSim:Cluster";

    /// <summary>Orleans cluster id.</summary>
    public string ClusterId { get; set; } = "ecosim";
    /// <summary>Orleans service id.</summary>
    public string ServiceId { get; set; } = "ecosim";
    /// <summary>
    /// How silos find each other and clients find gateways: <see cref="EcoSimClustering.Localhost"/>
    /// (a primary silo, or one static gateway for a client) or <see cref="EcoSimClustering.Redis"/>
    /// (a membership table in Redis, see <see cref="Redis"/>).
    /// </summary>
    public string Clustering { get; set; } = EcoSimClustering.Localhost;
    /// <summary>StackExchange.Redis connection string of the membership store when <see cref="Clustering"/> is <c>redis</c>.</summary>
    public string Redis { get; set; } = "127.0.0.1:6379";
    /// <summary>Address silos bind to and advertise.</summary>
    public string Address { get; set; } = IPAddress.Loopback.ToString();
    /// <summary>Silo-to-silo port.</summary>
    public int SiloPort { get; set; } = 11111;
    /// <summary>Client gateway port (0 = no gateway, as for an embedded silo).</summary>
    public int GatewayPort { get; set; } = 30000;
    /// <summary>
    /// Whether grain calls carry the caller's span (Orleans' activity propagation), so that traces show
    /// them inside runs, ticks and phases. Set when telemetry is exported; off otherwise, since it
    /// costs two call filters on every grain call.
    /// </summary>
    public bool TraceGrainCalls { get; set; }
    /// <summary>Silo-to-silo port of the primary silo of a localhost cluster (null: this silo is the primary).</summary>
    public int? PrimarySiloPort { get; set; }
    /// <summary>
    /// Folder of the cluster's credentials (Redis password, cluster certificate; see <see cref="ClusterCredentialFiles"/>),
    /// or null for none. A path, never the secret itself, so that a command line shows nothing worth stealing.
    /// </summary>
    public string? Credentials { get; set; }
    /// <summary>
    /// Lets a silo bind an address other than loopback without TLS and a Redis password: anyone who can
    /// reach the address can then join the cluster or call its grains (see <see cref="ClusterExposure"/>).
    /// </summary>
    public bool InsecureNonLoopback { get; set; }

    /// <summary>The address as an <see cref="IPAddress"/>.</summary>
    /// <exception cref="FormatException">The address is not an IP address.</exception>
    public IPAddress IpAddress => IPAddress.TryParse(Address, out var ip) ? ip : throw new FormatException($"'{Address}' is not an IP address (EcoSim:Cluster:Address)");
}
