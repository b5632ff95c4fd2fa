using Marketplace.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Marketplace.Cli;

/// <summary>The entry point of the <c>marketplace</c> command line, callable in-process (tests pass their own writers).</summary>
public static class MarketplaceCli
{
    /// <summary>Runs the command line with <paramref name="args"/> and returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var output = new CliOutput(stdout, stderr);
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("marketplace");
            config.Settings.Registrar.RegisterInstance(output);
            // Help and usage go to the given stdout as plain text, so they can be captured and piped.
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(stdout),
            }));
            config.SetExceptionHandler((exception, _) =>
            {
                if (exception is CommandAppException)
                {
                    // Unknown command, missing FILE, bad option value: the command line itself is malformed.
                    stderr.WriteLine($"error: {exception.Message}");
                    stderr.WriteLine("Run 'marketplace --help' for usage.");
                    return ExitCodes.BadInput;
                }

                stderr.WriteLine($"internal error: {exception}");
                return ExitCodes.InternalError;
            });
            config.AddCommand<ResolveCommand>("resolve")
                .WithDescription("Resolve a dependency problem file and print the solution or the conflict as JSON.")
                .WithExample("resolve", "problem.json")
                .WithExample("resolve", "problem.json", "--max-steps", "10000");
        });

        return app.Run(args);
    }
}
