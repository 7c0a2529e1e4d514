using Orleans.Connections.Security;

namespace EcoSim.Hosting;

/// <summary>
/// Mutual TLS on every Orleans connection of a cluster (silo to silo, client to gateway): each side
/// shows the cluster certificate and accepts only a certificate that the cluster's authority issued,
/// so a client without that certificate is refused during the handshake, before any message.
/// </summary>
internal static class ClusterTls
{
    /// <summary>TLS on the silo's inbound silo and gateway connections and its outbound silo connections.</summary>
    public static ISiloBuilder UseEcoSimTls(this ISiloBuilder silo, ClusterCredentials credentials) =>
        credentials.UsesTls ? silo.UseTls(options => Configure(options, credentials)) : silo;

    /// <summary>TLS on the client's gateway connections.</summary>
    public static IClientBuilder UseEcoSimTls(this IClientBuilder client, ClusterCredentials credentials) =>
        credentials.UsesTls ? client.UseTls(options => Configure(options, credentials)) : client;

    private static void Configure(TlsOptions options, ClusterCredentials credentials)
    {
        options.LocalCertificate = credentials.Certificate;
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // The platform's verdict (untrusted root, host name) does not matter: only our authority does.
        options.RemoteCertificateValidation = (certificate, _, _) => credentials.Trusts(certificate);
    }
}
