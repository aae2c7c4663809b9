using Bot.Host.Cli;

return await BotCommandLine.Build().Parse(args).InvokeAsync();
