using System.ComponentModel;
using Marketplace.Resolution;
using Marketplace.Resolution.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marketplace.Cli.Commands;

/// <summary>
/// <c>marketplace resolve FILE</c>: reads a resolver problem file and prints one JSON document; exits 0 with
/// a solution, 1 on a conflict, 2 for a malformed file (message on stderr), 3 when the step budget runs out.
/// </summary>
public sealed class ResolveCommand(CliOutput output) : Command<ResolveCommand.Settings>
{
    /// <summary>Arguments of <c>resolve</c>.</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary>Path of the problem file.</summary>
        [CommandArgument(0, "<FILE>")]
        [Description("Problem file: JSON with 'registry', 'installed' and 'root' (see docs/resolver.md).")]
        public string File { get; init; } = "";

        /// <summary>Step budget for the resolver.</summary>
        [CommandOption("--max-steps <N>")]
        [Description("Give up (exit 3) after this many resolver steps.")]
        [DefaultValue(ResolutionOptions.DefaultMaxSteps)]
        public int MaxSteps { get; init; } = ResolutionOptions.DefaultMaxSteps;

        /// <inheritdoc />
        public override ValidationResult Validate() =>
            MaxSteps > 0 ? ValidationResult.Success() : ValidationResult.Error("--max-steps must be a positive number.");
    }

    /// <inheritdoc />
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string json;
        try
        {
            json = System.IO.File.ReadAllText(settings.File);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Fail(ExitCodes.BadInput, $"cannot read '{settings.File}': {exception.Message}");
        }

        try
        {
            var problem = ResolutionProblemJson.Read(json);
            var result = DependencyResolver.Resolve(problem, new ResolutionOptions(settings.MaxSteps), cancellationToken);
            output.Out.WriteLine(ResolutionResultJson.Write(result));
            return result.IsSolved ? ExitCodes.Success : ExitCodes.Conflict;
        }
        catch (Exception exception) when (exception is ResolutionProblemFormatException or InvalidResolutionProblemException)
        {
            return Fail(ExitCodes.BadInput, $"'{settings.File}' is not a valid problem file: {exception.Message}");
        }
        catch (ResolutionBudgetExceededException exception)
        {
            return Fail(ExitCodes.GaveUp, exception.Message);
        }
    }

    private int Fail(int exitCode, string message)
    {
        output.Error.WriteLine($"error: {message}");
        return exitCode;
    }
}
