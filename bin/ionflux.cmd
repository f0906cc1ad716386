@echo off
rem ionflux launcher for Windows: runs target\ionflux.jar (or lib\ionflux.jar beside bin\) with the JVM options
rem chosen by measurement (benchmarks/README.md, "Cold runs"): the class-data sharing archive that `mvn package`
rem makes beside the jar (ionflux.jsa), the serial garbage collector and the optimizing compiler called in 100x
rem later than by default (short runs stay in C1's code; long runs reach C2's); for bench, which measures warm
rem speed, the default compiler thresholds without on-stack replacement. Extra JVM options: IONFLUX_JAVA_OPTS.
rem Java: %JAVA_HOME%\bin\java.exe, else java on the PATH.
setlocal
set "ROOT=%~dp0.."
set "JAR=%ROOT%\target\ionflux.jar"
if not exist "%JAR%" set "JAR=%ROOT%\lib\ionflux.jar"
if not exist "%JAR%" (
  echo ionflux: no ionflux.jar in %ROOT%\target or %ROOT%\lib; build it first: mvn -B -q -DskipTests package 1>&2
  exit /b 2
)
for %%F in ("%JAR%") do set "JAR=%%~fF"
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
set "JIT=-XX:Tier4InvocationThreshold=500000 -XX:Tier4MinInvocationThreshold=600000 -XX:Tier4CompileThreshold=1500000 -XX:Tier4BackEdgeThreshold=40000000"
if /i "%~1"=="bench" set "JIT=-XX:-UseOnStackReplacement"
set "CDS="
set "ARCHIVE=%JAR:~0,-4%.jsa"
if exist "%ARCHIVE%" set "CDS=-XX:SharedArchiveFile=%ARCHIVE% -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
"%JAVA%" %CDS% -XX:+UseSerialGC %JIT% %IONFLUX_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
