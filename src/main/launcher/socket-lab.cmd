@echo off
rem SPDX-License-Identifier: Apache-2.0
rem
rem Starts Socket Lab with what `java -jar` cannot ask for by itself (docs/decisions/0007): the
rem class data sharing archive `mvn package` trained beside the jar, when there is one, and the
rem JIT setting that starts the window fastest. Runs %JAVA_HOME%\bin\java, else java on the PATH.
setlocal
set "here=%~dp0"
set "java=java"
if defined JAVA_HOME set "java=%JAVA_HOME%\bin\java"
set "archive=%here%socket-lab.jsa"
set "gc="
rem A command that prints and ends starts with the archive trained on a replay and the serial collector.
for %%c in (replay run -V --version -h --help) do if "%~1"=="%%c" (
    set "archive=%here%socket-lab-cli.jsa"
    set "gc=-XX:+UseSerialGC"
)
set "cds="
if exist "%archive%" set "cds=-XX:SharedArchiveFile=%archive% -Xlog:cds=off,cds+dynamic=off"
"%java%" %cds% -XX:TieredStopAtLevel=1 %gc% -jar "%here%socket-lab.jar" %*
