using System.Diagnostics;

namespace Marketplace.Infra.Tests;

/// <summary>What one run of the Bicep CLI printed.</summary>
internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Bicep prints diagnostics (errors, warnings, infos) on stderr and exits 0 for warnings.</summary>
    public string Diagnostics => StandardError.Trim();
}

/// <summary>Runs the native Bicep compiler that the PackageDownload brought into the NuGet packages folder.</summary>
internal static class BicepCli
{
    private static readonly Lazy<string> LazyPath = new(Locate);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public static BicepRun Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(LazyPath.Value)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran longer than {Timeout}");
        }

        return new BicepRun(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        var path = BuildMetadata.Get("BicepPath");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep compiler is missing; 'dotnet restore' downloads it.", path);
        }

        // NuGet does not always keep the executable bit when it extracts a package.
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }

        return path;
    }
}
