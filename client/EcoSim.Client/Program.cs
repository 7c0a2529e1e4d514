using EcoSim.Client.Cli;

var root = CommandLine.Build(Console.Out, Console.Error);
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    foreach (var error in parsed.Errors) Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine("see 'ecosim --help' or 'ecosim run --help'");
    return ExitCodes.BadInput;
}
return await parsed.InvokeAsync();
