using Bot.Host.Cli;

return await BotCommandLine.RunAsync(args, new System.CommandLine.InvocationConfiguration());
