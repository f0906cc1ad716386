package org.ionflux.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ionflux.internal.workflow.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ionflux report RESULT_DIR}: writes {@code RESULT_DIR/report.html}. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RESULT_DIR/report.html: one self-contained page with the run's status, counts, "
                + "invariants, initial state, final values, plots and scenario.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "RESULT_DIR", description = "a folder written by 'ionflux run'")
    private Path folder;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            Path page = ReportJob.write(folder);
            out.println("report: " + page);
            out.flush();
            return Main.OK;
        } catch (ReportJob.NotARunFolderException e) {
            err.println(e.getMessage());
            err.flush();
            return Main.BAD_INPUT;
        } catch (IOException e) {
            err.println(folder + ": cannot write the report: " + e.getMessage());
            err.flush();
            return Main.ENGINE_FAILURE;
        }
    }
}
