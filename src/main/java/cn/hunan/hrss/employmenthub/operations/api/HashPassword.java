package cn.hunan.hrss.employmenthub.operations.api;

import cn.hunan.hrss.employmenthub.operations.CommandLine;
import cn.hunan.hrss.employmenthub.operations.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code hash-password}: reads a password (without echo on a terminal, else one line of stdin), prints its hash for HUB_USERS. */
public final class HashPassword {

    private HashPassword() {
    }

    public static int run(CommandLine cl, PrintStream out) {
        String password;
        if (System.console() != null) {
            password = new String(System.console().readPassword("password: "));
        } else {
            try {
                password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (password == null || password.length() < 8) {
            throw new CommandLine.UsageException("a password of at least 8 characters, please");
        }
        out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
        return ExitCodes.OK;
    }
}
