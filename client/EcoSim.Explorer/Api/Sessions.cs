using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace EcoSim.Explorer.Api;

/// <summary>
/// Which session a request belongs to: a browser keeps its session in a cookie (so a reload finds its
/// runs); a script may send the same id in a header instead. An id this server did not make is
/// replaced by a new one, so a session cannot be guessed into.
/// </summary>
internal static class Sessions
{
    public const string Cookie = "ecosim-session";
    public const string Header = "X-EcoSim-Session";

    /// <summary>The request's session, made (and set as a cookie and a response header) if it has none.</summary>
    public static string Of(HttpContext context, SessionKeys keys)
    {
        string? given = context.Request.Headers[Header].FirstOrDefault() ?? context.Request.Cookies[Cookie];
        if (given is not null && keys.IsOurs(given)) return given;
        string made = keys.Make();
        context.Response.Cookies.Append(Cookie, made, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, Path = "/" });
        context.Response.Headers[Header] = made;
        return made;
    }
}

/// <summary>Makes session ids and recognises them: a random part and its HMAC under a key of this process.</summary>
internal sealed class SessionKeys
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Make()
    {
        string random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return $"{random}.{Sign(random)}";
    }

    public bool IsOurs(string id)
    {
        int dot = id.IndexOf('.');
        if (dot <= 0 || id.Length > 128) return false;
        return CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Sign(id[..dot])), System.Text.Encoding.ASCII.GetBytes(id[(dot + 1)..]));
    }

    private string Sign(string random) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, System.Text.Encoding.ASCII.GetBytes(random)))[..24];
}
