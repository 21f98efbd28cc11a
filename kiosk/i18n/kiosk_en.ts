<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English needs a translation file only for plural forms: every "%n" string of the source
     (Qt's numerus forms) has its singular and plural here. Compiled to .qm by scripts/setup.sh. -->
<TS version="2.1" language="en_US">
<context>
    <name>SessionController</name>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>About %n minute left</numerusform>
            <numerusform>About %n minutes left</numerusform>
        </translation>
    </message>
</context>
</TS>
