using Marketplace.Cli;

return MarketplaceCli.Run(args, Console.Out, Console.Error);
