using EcoSim.Experiments.Output;
using EcoSim.Experiments.Report;

namespace EcoSim.Client.Tests;

/// <summary>Manifests and reports record the command as it can be typed again, whichever way the program was started.</summary>
public sealed class ProgramInvocationTests
{
    private const string Repo = "/home/user/EcoSim";
    private const string Build = Repo + "/client/EcoSim.Client/bin/Release/net10.0/";

    [Fact]
    public void A_dll_started_with_dotnet_is_recorded_as_dotnet_and_the_dll_relative_to_the_current_folder()
    {
        Assert.Equal(["dotnet", "client/EcoSim.Client/bin/Release/net10.0/ecosim.dll"],
            ProgramInvocation.Of("/usr/share/dotnet/dotnet", Build + "ecosim.dll", Build, Repo, "/usr/bin"));
        Assert.Equal(["dotnet", "./ecosim.dll"], ProgramInvocation.Of("/usr/share/dotnet/dotnet", Build + "ecosim.dll", Build, Build, "/usr/bin"));
        Assert.Equal(["dotnet", Build + "ecosim.dll"], ProgramInvocation.Of("/usr/share/dotnet/dotnet", Build + "ecosim.dll", Build, "/tmp", "/usr/bin"));
    }

    [Fact]
    public void The_builds_launcher_as_dotnet_run_starts_it_is_recorded_by_its_path()
    {
        Assert.Equal(["client/EcoSim.Client/bin/Release/net10.0/ecosim"], ProgramInvocation.Of(Build + "ecosim", Build + "ecosim.dll", Build, Repo, "/usr/bin"));
    }

    [Fact]
    public void An_installed_tool_is_ecosim_when_its_folder_is_on_the_path_and_its_full_path_otherwise()
    {
        const string store = "/home/user/.dotnet/tools/.store/ecosim.client/1.0.0/ecosim.client/1.0.0/tools/net10.0/any/";
        Assert.Equal(["ecosim"], ProgramInvocation.Of("/home/user/.dotnet/tools/ecosim", store + "ecosim.dll", store, Repo, "/usr/bin:/home/user/.dotnet/tools"));
        Assert.Equal(["/opt/ecosim-tools/ecosim"], ProgramInvocation.Of("/opt/ecosim-tools/ecosim", store + "ecosim.dll", store, Repo, "/usr/bin"));
    }

    [Fact]
    public void The_report_shows_the_recorded_words_and_reads_older_manifests_that_began_with_the_dll()
    {
        Assert.Equal("ecosim run 'a b.yaml' --seed 7", ReproductionFacts.Command(["ecosim", "run", "a b.yaml", "--seed", "7"]));
        Assert.Equal("dotnet x/ecosim.dll run a.yaml", ReproductionFacts.Command(["dotnet", "x/ecosim.dll", "run", "a.yaml"]));
        Assert.Equal("dotnet ecosim.dll run a.yaml", ReproductionFacts.Command(["/opt/ecosim/ecosim.dll", "run", "a.yaml"]));
    }
}
