namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// One hostile input for the command line: what it is, and how to lay it out in an empty folder and name it
/// on the command line (the arguments after <c>ecosim</c>). Every case must be refused with exit code 2.
/// </summary>
/// <param name="Name">What the case tries, for the failure message.</param>
/// <param name="Prepare">Writes the case's files into the folder given and returns the command line.</param>
internal sealed record HostileCase(string Name, Func<string, string[]> Prepare)
{
    public override string ToString() => Name;
}
