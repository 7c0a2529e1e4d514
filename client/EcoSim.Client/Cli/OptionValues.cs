using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EcoSim.Client.Cli;

/// <summary>
/// What the options accept, checked so that a bad value is refused in words with what is allowed
/// ("--seeds: expected a whole number between 1 and 10000, found 'abc'") instead of the parser's own
/// message, which names a .NET type.
/// </summary>
internal static class OptionValues
{
    /// <summary>Accepts whole numbers from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Within(this Option<int> option, int min, int max = int.MaxValue)
    {
        var fallback = option.DefaultValueFactory;
        option.CustomParser = result => result.Tokens.Count == 0 && fallback is not null ? fallback(result) : Parse(result, option.Name, min, max) ?? default;
        return option;
    }

    /// <summary>Accepts whole numbers from <paramref name="min"/> to <paramref name="max"/>, or no value.</summary>
    public static Option<int?> Within(this Option<int?> option, int min, int max = int.MaxValue)
    {
        option.CustomParser = result => Parse(result, option.Name, min, max);
        return option;
    }

    /// <summary>Accepts a seed: a whole number from 0 to 2^64-1.</summary>
    public static Option<ulong?> Seed(this Option<ulong?> option)
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return null;
            string text = result.Tokens[^1].Value;
            if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed)) return seed;
            result.AddError($"{option.Name}: expected a whole number between 0 and {ulong.MaxValue} (2^64-1), found '{text}'");
            return null;
        };
        return option;
    }

    /// <summary>Accepts one of <paramref name="choices"/>, suggesting the nearest for a misspelt one; help shows them as <c>a|b</c>.</summary>
    public static Option<string> OneOf(this Option<string> option, params string[] choices)
    {
        option.HelpName = string.Join('|', choices);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0 || choices.Contains(result.Tokens[^1].Value, StringComparer.Ordinal)) return;
            string text = result.Tokens[^1].Value;
            string hint = Scenarios.DidYouMean.Closest(text, choices) is { } close ? $"; did you mean '{close}'?" : "";
            result.AddError($"{option.Name}: expected {string.Join(" or ", choices)}, found '{text}'{hint}");
        });
        return option;
    }

    /// <summary>The allowed range in words.</summary>
    public static string Range(long min, long max) =>
        max == int.MaxValue ? $"a whole number of at least {min}" : $"a whole number between {min} and {max}";

    private static int? Parse(ArgumentResult result, string name, int min, int max)
    {
        if (result.Tokens.Count == 0) return null;
        string text = result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max) return value;
        result.AddError($"{name}: expected {Range(min, max)}, found '{text}'");
        return null;
    }
}
