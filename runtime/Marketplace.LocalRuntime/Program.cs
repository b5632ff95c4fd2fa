System.Console.WriteLine("rt");
