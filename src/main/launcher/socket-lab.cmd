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
set "cds="
if exist "%here%socket-lab.jsa" set "cds=-XX:SharedArchiveFile=%here%socket-lab.jsa -Xlog:cds=off,cds+dynamic=off"
"%java%" %cds% -XX:TieredStopAtLevel=1 -jar "%here%socket-lab.jar" %*
