<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Spanish: every visible string of the interface. Kept up to date by
     scripts/update_translations.py; compiled to .qm by scripts/build_translations.py. -->
<TS version="2.1" language="es_ES">
<context>
    <name></name>
    <message>
        <source>Response times, %1</source>
        <translation>Tiempos de respuesta, %1</translation>
    </message>
    <message>
        <source>%1 calls. To acknowledge: median %2, 90% within %3. To resolve: median %4, 90% within %5 (minutes:seconds).</source>
        <translation>%1 llamadas. Para atender: mediana %2, el 90% en menos de %3. Para resolver: mediana %4, el 90% en menos de %5 (minutos:segundos).</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Tiempo hasta atender</translation>
    </message>
    <message>
        <source>Time to resolve</source>
        <translation>Tiempo hasta resolver</translation>
    </message>
    <message>
        <source>median</source>
        <translation>mediana</translation>
    </message>
    <message>
        <source>90th percentile</source>
        <translation>percentil 90</translation>
    </message>
    <message>
        <source>Each column is one hour of the day.</source>
        <translation>Cada columna es una hora del día.</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutos</translation>
    </message>
    <message>
        <source>calls</source>
        <translation>llamadas</translation>
    </message>
</context>
<context>
    <name>CallButton</name>
    <message>
        <source>Call nurse</source>
        <translation>Llamar a la enfermera</translation>
    </message>
    <message>
        <source>No nurse station</source>
        <translation>Sin puesto de enfermería</translation>
    </message>
    <message>
        <source>Calling...</source>
        <translation>Llamando...</translation>
    </message>
    <message>
        <source>Call not through</source>
        <translation>La llamada no llegó</translation>
    </message>
    <message>
        <source>Call received</source>
        <translation>Llamada recibida</translation>
    </message>
    <message>
        <source>Nurse coming</source>
        <translation>La enfermera viene</translation>
    </message>
    <message>
        <source>Call saved</source>
        <translation>Llamada guardada</translation>
    </message>
</context>
<context>
    <name>GuideCard</name>
    <message>
        <source>What you may feel</source>
        <translation>Lo que puede sentir</translation>
    </message>
    <message>
        <source>Right now you may notice</source>
        <translation>Ahora puede notar</translation>
    </message>
    <message>
        <source>Read about what you may feel</source>
        <translation>Lea sobre lo que puede sentir</translation>
    </message>
    <message>
        <source>All topics (%1) ›</source>
        <translation>Todos los temas (%1) ›</translation>
    </message>
</context>
<context>
    <name>GuideController</name>
    <message>
        <source>Sample content: the clinic's medical lead must review it.</source>
        <translation>Contenido de muestra: el responsable médico de la clínica debe revisarlo.</translation>
    </message>
    <message>
        <source>Sample text, not yet reviewed</source>
        <translation>Texto de muestra, sin revisar</translation>
    </message>
    <message>
        <source>Explanations are not set up in this room yet. Your nurse can tell you what to expect.</source>
        <translation>Las explicaciones aún no están listas en esta sala. Su enfermera le puede decir qué esperar.</translation>
    </message>
    <message>
        <source>What it feels like</source>
        <translation>Cómo se siente</translation>
    </message>
    <message>
        <source>Is it normal?</source>
        <translation>¿Es normal?</translation>
    </message>
    <message>
        <source>What helps</source>
        <translation>Qué ayuda</translation>
    </message>
    <message>
        <source>When to call the nurse</source>
        <translation>Cuándo llamar a la enfermera</translation>
    </message>
</context>
<context>
    <name>GuideListScreen</name>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the main screen</source>
        <translation>Volver a la pantalla principal</translation>
    </message>
    <message>
        <source>What you may feel</source>
        <translation>Lo que puede sentir</translation>
    </message>
    <message>
        <source>Right now you may notice</source>
        <translation>Ahora puede notar</translation>
    </message>
    <message>
        <source>Other things you may feel</source>
        <translation>Otras cosas que puede sentir</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
    <message>
        <source>Your session</source>
        <translation>Su sesión</translation>
    </message>
    <message>
        <source>What you may feel</source>
        <translation>Lo que puede sentir</translation>
    </message>
</context>
<context>
    <name>LanguageButton</name>
    <message>
        <source>Language: %1</source>
        <translation>Idioma: %1</translation>
    </message>
    <message>
        <source>Choose the language of this screen</source>
        <translation>Elija el idioma de esta pantalla</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Comfort screen, %1</source>
        <translation>Pantalla de confort, %1</translation>
    </message>
    <message>
        <source>Speaking to you: on</source>
        <translation>Le hablamos: activado</translation>
    </message>
    <message>
        <source>Speak to me</source>
        <translation>Hábleme</translation>
    </message>
    <message>
        <source>Says every change of your call and what you do.</source>
        <translation>Dice en voz alta cada cambio de su llamada y lo que usted hace.</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <source>Comfort screen: needs attention</source>
        <translation>Pantalla de confort: necesita atención</translation>
    </message>
</context>
<context>
    <name>MaintenanceScreen</name>
    <message>
        <source>If you need help, call out to staff or press the wired call button.</source>
        <translation>Si necesita ayuda, llame en voz alta al personal o pulse el timbre de la cama.</translation>
    </message>
    <message>
        <source>This screen is not ready. For staff: the room settings have problems.</source>
        <translation>Esta pantalla no está lista. Para el personal: la configuración de la sala tiene problemas.</translation>
    </message>
</context>
<context>
    <name>MusicArea</name>
    <message>
        <source>No music playing</source>
        <translation>No suena música</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Choose music</source>
        <translation>Elegir música</translation>
    </message>
</context>
<context>
    <name>MusicController</name>
    <message>
        <source>Looking for music...</source>
        <translation>Buscando música...</translation>
    </message>
    <message>
        <source>The playlist file is missing or unreadable.</source>
        <translation>Falta el archivo de la lista o no se puede leer.</translation>
    </message>
    <message>
        <source>The music folder is missing.</source>
        <translation>Falta la carpeta de música.</translation>
    </message>
    <message>
        <source>The playlist is empty.</source>
        <translation>La lista está vacía.</translation>
    </message>
    <message>
        <source>No playable music was found.</source>
        <translation>No se encontró música que se pueda poner.</translation>
    </message>
    <message>
        <source>The music could not be read.</source>
        <translation>No se pudo leer la música.</translation>
    </message>
    <message>
        <source>Music is unavailable: ask staff</source>
        <translation>La música no está disponible: pregunte al personal</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>This music is not available</source>
        <translation>Esta música no está disponible</translation>
    </message>
    <message>
        <source>Music playing</source>
        <translation>Suena la música</translation>
    </message>
    <message>
        <source>Music paused</source>
        <translation>Música en pausa</translation>
    </message>
    <message>
        <source>Volume is at the limit</source>
        <translation>El volumen está al máximo permitido</translation>
    </message>
    <message>
        <source>Playing %1</source>
        <translation>Suena %1</translation>
    </message>
    <message>
        <source>Next: %1</source>
        <translation>Siguiente: %1</translation>
    </message>
    <message>
        <source>Volume %1</source>
        <translation>Volumen %1</translation>
    </message>
</context>
<context>
    <name>MusicScreen</name>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Music</source>
        <translation>Música</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Now playing: %1</source>
        <translation>Suena ahora: %1</translation>
    </message>
    <message>
        <source>No music playing</source>
        <translation>No suena música</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Reproducir</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>Quieter</source>
        <translation>Más bajo</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Louder</source>
        <translation>Más alto</translation>
    </message>
</context>
<context>
    <name>NurseAccess</name>
    <message>
        <source>No nurse PIN is set up on this tablet, so the nurse panel stays closed. For IT: run "python main.py hash-pin" and put the line it prints in config/clinic.yaml as nurse.pin_hash.</source>
        <translation>Esta tableta no tiene PIN de enfermería, así que el panel de enfermería sigue cerrado. Para informática: ejecute "python main.py hash-pin" y ponga la línea que imprime en config/clinic.yaml como nurse.pin_hash.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. The pad opens again in %1.</source>
        <translation>Demasiados PIN incorrectos. El teclado se abre de nuevo en %1.</translation>
    </message>
    <message>
        <source>Checking the PIN...</source>
        <translation>Comprobando el PIN...</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PIN. %n more tries before the pad locks.</source>
        <translation>
            <numerusform>PIN incorrecto. Queda %n intento antes de que el teclado se bloquee.</numerusform>
            <numerusform>PIN incorrecto. Quedan %n intentos antes de que el teclado se bloquee.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the nurse PIN.</source>
        <translation>Escriba el PIN de enfermería.</translation>
    </message>
</context>
<context>
    <name>NurseDesk</name>
    <message>
        <source>Broker link: %1</source>
        <translation>Conexión con el servidor de mensajes: %1</translation>
    </message>
    <message>
        <source>up</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>down</source>
        <translation>caída</translation>
    </message>
    <message>
        <source>Nurse station online: %1</source>
        <translation>Puesto de enfermería conectado: %1</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>not measured yet</source>
        <translation>aún sin medir</translation>
    </message>
    <message>
        <source>Last test call: %1</source>
        <translation>Última llamada de prueba: %1</translation>
    </message>
    <message>
        <source>Config problems: none</source>
        <translation>Problemas de configuración: ninguno</translation>
    </message>
    <message>
        <source>Config problem: %1</source>
        <translation>Problema de configuración: %1</translation>
    </message>
    <message>
        <source>Your nurse is here</source>
        <translation>Su enfermera está aquí</translation>
    </message>
    <message>
        <source>A call is open: answer it before a test call.</source>
        <translation>Hay una llamada abierta: atiéndala antes de una llamada de prueba.</translation>
    </message>
    <message>
        <source>Test call sent. Waiting for a nurse station...</source>
        <translation>Llamada de prueba enviada. Esperando a un puesto de enfermería...</translation>
    </message>
    <message>
        <source>Config changed at %1 but not used: this room keeps its last good settings until the problems below are fixed.</source>
        <translation>La configuración cambió a las %1 pero no se usa: esta sala mantiene sus últimos ajustes válidos hasta que se corrijan los problemas de abajo.</translation>
    </message>
    <message>
        <source>Config reloaded at %1: %2.</source>
        <translation>Configuración recargada a las %1: %2.</translation>
    </message>
    <message>
        <source>Config reloaded at %1: nothing this room uses changed.</source>
        <translation>Configuración recargada a las %1: no cambió nada de lo que usa esta sala.</translation>
    </message>
    <message>
        <source>request labels and priorities</source>
        <translation>nombres y prioridades de las peticiones</translation>
    </message>
    <message>
        <source>session templates (a running session keeps its own)</source>
        <translation>plantillas de sesión (una sesión en curso mantiene la suya)</translation>
    </message>
    <message>
        <source>guide content</source>
        <translation>contenido de la guía</translation>
    </message>
    <message>
        <source>room name</source>
        <translation>nombre de la sala</translation>
    </message>
    <message>
        <source>volume limit and playlists</source>
        <translation>límite de volumen y listas de música</translation>
    </message>
    <message>
        <source>nurse PIN and lockout</source>
        <translation>PIN de enfermería y bloqueo</translation>
    </message>
    <message>
        <source>rest and night dimming</source>
        <translation>descanso y oscurecimiento nocturno</translation>
    </message>
    <message>
        <source>broker or state folder (used after a restart)</source>
        <translation>servidor de mensajes o carpeta de estado (se usan tras reiniciar)</translation>
    </message>
    <message>
        <source>%1 %2: closed</source>
        <translation>%1 %2: cerrada</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>%1 %2: open</source>
        <translation>%1 %2: abierta</translation>
    </message>
    <message>
        <source>A nurse station received the test call in %1 ms.</source>
        <translation>Un puesto de enfermería recibió la llamada de prueba en %1 ms.</translation>
    </message>
    <message>
        <source>No nurse station received the test call in time. Check that the station is running and on the network.</source>
        <translation>Ningún puesto de enfermería recibió la llamada de prueba a tiempo. Compruebe que el puesto está en marcha y en la red.</translation>
    </message>
</context>
<context>
    <name>NurseGreeting</name>
    <message>
        <source>Your nurse is here. Touch to close.</source>
        <translation>Su enfermera está aquí. Toque para cerrar.</translation>
    </message>
</context>
<context>
    <name>NursePanel</name>
    <message>
        <source>This tablet uses the demo PIN: change this PIN with python main.py hash-pin (nurse.pin_hash in config/clinic.yaml).</source>
        <translation>Esta tableta usa el PIN de demostración: cámbielo con python main.py hash-pin (nurse.pin_hash en config/clinic.yaml).</translation>
    </message>
    <message>
        <source>Nurse controls</source>
        <translation>Controles de enfermería</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Llamadas</translation>
    </message>
    <message>
        <source>For IT</source>
        <translation>Para informática</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>Mostrar %1</translation>
    </message>
    <message>
        <source>Nurse is here</source>
        <translation>La enfermera está aquí</translation>
    </message>
    <message>
        <source>Clears this room's open calls and requests, and tells the patient.</source>
        <translation>Cierra las llamadas y peticiones abiertas de esta sala y se lo dice al paciente.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the patient screen</source>
        <translation>Volver a la pantalla del paciente</translation>
    </message>
    <message>
        <source>Now: %1, %2. %3</source>
        <translation>Ahora: %1, %2. %3</translation>
    </message>
    <message>
        <source>Paused.</source>
        <translation>En pausa.</translation>
    </message>
    <message>
        <source>Ended.</source>
        <translation>Terminada.</translation>
    </message>
    <message>
        <source>No session is running.</source>
        <translation>No hay ninguna sesión en curso.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume the session timer</source>
        <translation>Reanudar el temporizador de la sesión</translation>
    </message>
    <message>
        <source>Pause the session timer</source>
        <translation>Pausar el temporizador de la sesión</translation>
    </message>
    <message>
        <source>+5 min</source>
        <translation>+5 min</translation>
    </message>
    <message>
        <source>Add 5 minutes to this part</source>
        <translation>Añadir 5 minutos a esta parte</translation>
    </message>
    <message>
        <source>+10 min</source>
        <translation>+10 min</translation>
    </message>
    <message>
        <source>Add 10 minutes to this part</source>
        <translation>Añadir 10 minutos a esta parte</translation>
    </message>
    <message>
        <source>End session</source>
        <translation>Terminar la sesión</translation>
    </message>
    <message>
        <source>Choose %1</source>
        <translation>Elegir %1</translation>
    </message>
    <message>
        <source>-10</source>
        <translation>-10</translation>
    </message>
    <message>
        <source>Infusion 10 minutes shorter</source>
        <translation>Infusión 10 minutos más corta</translation>
    </message>
    <message>
        <source>-5</source>
        <translation>-5</translation>
    </message>
    <message>
        <source>Infusion 5 minutes shorter</source>
        <translation>Infusión 5 minutos más corta</translation>
    </message>
    <message>
        <source>Infusion %1 min</source>
        <translation>Infusión %1 min</translation>
    </message>
    <message>
        <source>+5</source>
        <translation>+5</translation>
    </message>
    <message>
        <source>Infusion 5 minutes longer</source>
        <translation>Infusión 5 minutos más larga</translation>
    </message>
    <message>
        <source>+10</source>
        <translation>+10</translation>
    </message>
    <message>
        <source>Infusion 10 minutes longer</source>
        <translation>Infusión 10 minutos más larga</translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation>Empezar %1</translation>
    </message>
    <message>
        <source>Reset for next patient</source>
        <translation>Preparar para el siguiente paciente</translation>
    </message>
    <message>
        <source>Clears what the patient left: session, requests, music, language and screen settings.</source>
        <translation>Borra lo que dejó el paciente: sesión, peticiones, música, idioma y ajustes de pantalla.</translation>
    </message>
    <message>
        <source>A tablet call supplements the wired nurse call.</source>
        <translation>La llamada de la tableta complementa el timbre de enfermería con cable.</translation>
    </message>
    <message>
        <source>Show the time left</source>
        <translation>Mostrar el tiempo que queda</translation>
    </message>
    <message>
        <source>Hide the time left</source>
        <translation>Ocultar el tiempo que queda</translation>
    </message>
    <message>
        <source>Stop speaking to the patient</source>
        <translation>Dejar de hablar al paciente</translation>
    </message>
    <message>
        <source>Speak to the patient</source>
        <translation>Hablar al paciente</translation>
    </message>
    <message>
        <source>Spoken confirmations for a patient who keeps their eyes closed.</source>
        <translation>Confirmaciones habladas para un paciente que tiene los ojos cerrados.</translation>
    </message>
    <message>
        <source>Rest mode now</source>
        <translation>Modo descanso ahora</translation>
    </message>
    <message>
        <source>Darkens the patient's screen now.</source>
        <translation>Oscurece ahora la pantalla del paciente.</translation>
    </message>
    <message>
        <source>Darken only when asked</source>
        <translation>Oscurecer solo cuando se pida</translation>
    </message>
    <message>
        <source>Darken after %1 min quiet</source>
        <translation>Oscurecer tras %1 min sin tocar</translation>
    </message>
    <message>
        <source>Patient's language: %1</source>
        <translation>Idioma del paciente: %1</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>Reproducir %1</translation>
    </message>
    <message>
        <source>Starts this music for the patient now.</source>
        <translation>Pone ahora esta música para el paciente.</translation>
    </message>
    <message>
        <source>Start sessions with %1</source>
        <translation>Empezar las sesiones con %1</translation>
    </message>
    <message>
        <source>This music fades in when a session starts in this room, for every patient.</source>
        <translation>Esta música entra suavemente al empezar una sesión en esta sala, para todos los pacientes.</translation>
    </message>
    <message>
        <source>Start sessions in silence</source>
        <translation>Empezar las sesiones en silencio</translation>
    </message>
    <message>
        <source>Back to the clinic's music setting</source>
        <translation>Volver al ajuste de música de la clínica</translation>
    </message>
    <message>
        <source>Lower the volume limit for this patient</source>
        <translation>Bajar el límite de volumen para este paciente</translation>
    </message>
    <message>
        <source>Volume limit for this patient: %1%</source>
        <translation>Límite de volumen para este paciente: %1%</translation>
    </message>
    <message>
        <source>Raise the volume limit for this patient</source>
        <translation>Subir el límite de volumen para este paciente</translation>
    </message>
    <message>
        <source>This room's volume limit, for every patient: %1%. Changed on this tablet; the clinic's setting is %2%.</source>
        <translation>Límite de volumen de esta sala, para todos los pacientes: %1%. Cambiado en esta tableta; el ajuste de la clínica es %2%.</translation>
    </message>
    <message>
        <source>This room's volume limit, for every patient: %1% (the clinic's setting).</source>
        <translation>Límite de volumen de esta sala, para todos los pacientes: %1% (el ajuste de la clínica).</translation>
    </message>
    <message>
        <source>Room -10</source>
        <translation>Sala -10</translation>
    </message>
    <message>
        <source>Lower this room's volume limit for every patient</source>
        <translation>Bajar el límite de volumen de esta sala para todos los pacientes</translation>
    </message>
    <message>
        <source>Room +10</source>
        <translation>Sala +10</translation>
    </message>
    <message>
        <source>Raise this room's volume limit for every patient</source>
        <translation>Subir el límite de volumen de esta sala para todos los pacientes</translation>
    </message>
    <message>
        <source>Back to the clinic's setting</source>
        <translation>Volver al ajuste de la clínica</translation>
    </message>
    <message>
        <source>Night dimming in this room: %1. Changed on this tablet; the clinic's setting is %2.</source>
        <translation>Oscurecimiento nocturno en esta sala: %1. Cambiado en esta tableta; el ajuste de la clínica es %2.</translation>
    </message>
    <message>
        <source>Night dimming in this room: %1 (the clinic's setting).</source>
        <translation>Oscurecimiento nocturno en esta sala: %1 (el ajuste de la clínica).</translation>
    </message>
    <message>
        <source>Start -30 min</source>
        <translation>Inicio -30 min</translation>
    </message>
    <message>
        <source>Start night dimming half an hour earlier</source>
        <translation>Empezar el oscurecimiento nocturno media hora antes</translation>
    </message>
    <message>
        <source>Start +30 min</source>
        <translation>Inicio +30 min</translation>
    </message>
    <message>
        <source>Start night dimming half an hour later</source>
        <translation>Empezar el oscurecimiento nocturno media hora después</translation>
    </message>
    <message>
        <source>End -30 min</source>
        <translation>Fin -30 min</translation>
    </message>
    <message>
        <source>End night dimming half an hour earlier</source>
        <translation>Terminar el oscurecimiento nocturno media hora antes</translation>
    </message>
    <message>
        <source>End +30 min</source>
        <translation>Fin +30 min</translation>
    </message>
    <message>
        <source>End night dimming half an hour later</source>
        <translation>Terminar el oscurecimiento nocturno media hora después</translation>
    </message>
    <message>
        <source>Darker at night</source>
        <translation>Más oscuro de noche</translation>
    </message>
    <message>
        <source>Make the screen darker at night</source>
        <translation>Oscurecer más la pantalla de noche</translation>
    </message>
    <message>
        <source>Brighter at night</source>
        <translation>Más claro de noche</translation>
    </message>
    <message>
        <source>Make the screen brighter at night</source>
        <translation>Aclarar más la pantalla de noche</translation>
    </message>
    <message>
        <source>Back to the clinic's night setting</source>
        <translation>Volver al ajuste nocturno de la clínica</translation>
    </message>
    <message>
        <source>Open calls and requests in this room: %1</source>
        <translation>Llamadas y peticiones abiertas en esta sala: %1</translation>
    </message>
    <message>
        <source>Send a test call</source>
        <translation>Enviar una llamada de prueba</translation>
    </message>
    <message>
        <source>Sends a call marked as a test and measures how long a nurse station takes to receive it.</source>
        <translation>Envía una llamada marcada como prueba y mide cuánto tarda un puesto de enfermería en recibirla.</translation>
    </message>
    <message>
        <source>Recent calls on this tablet:</source>
        <translation>Llamadas recientes en esta tableta:</translation>
    </message>
    <message>
        <source>No calls on this tablet since the last reset.</source>
        <translation>No hay llamadas en esta tableta desde la última preparación.</translation>
    </message>
    <message>
        <source>Latest entries in this tablet's audit log:</source>
        <translation>Últimas entradas del registro de auditoría de esta tableta:</translation>
    </message>
    <message>
        <source>The nurse panel opens by holding the room name for 3 seconds, then the PIN.</source>
        <translation>El panel de enfermería se abre manteniendo pulsado el nombre de la sala 3 segundos y luego con el PIN.</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmación</translation>
    </message>
    <message>
        <source>End this session now? The patient's timer stops.</source>
        <translation>¿Terminar esta sesión ahora? El temporizador del paciente se detiene.</translation>
    </message>
    <message>
        <source>Reset for the next patient? This ends the session and puts music, language, rest mode and the clock back to this room's defaults. Open calls and requests it closes as handled in the room: %1.</source>
        <translation>¿Preparar para el siguiente paciente? Esto termina la sesión y devuelve la música, el idioma, el modo descanso y el reloj a los valores de esta sala. Las llamadas y peticiones abiertas se cierran como atendidas en la sala: %1.</translation>
    </message>
    <message>
        <source>Yes, end the session</source>
        <translation>Sí, terminar la sesión</translation>
    </message>
    <message>
        <source>Yes, reset</source>
        <translation>Sí, preparar</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>No, volver</translation>
    </message>
</context>
<context>
    <name>NursePinPad</name>
    <message>
        <source>Nurse PIN pad</source>
        <translation>Teclado del PIN de enfermería</translation>
    </message>
    <message>
        <source>Nurse PIN</source>
        <translation>PIN de enfermería</translation>
    </message>
    <message>
        <source>No digits yet</source>
        <translation>Aún no hay dígitos</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Close the PIN pad</source>
        <translation>Cerrar el teclado del PIN</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Erase the last digit</source>
        <translation>Borrar el último dígito</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <source>Check the PIN</source>
        <translation>Comprobar el PIN</translation>
    </message>
</context>
<context>
    <name>RequestsButton</name>
    <message>
        <source>Ask for something (%1 open)</source>
        <translation>Pedir algo (%1 abiertos)</translation>
    </message>
    <message>
        <source>Ask for something</source>
        <translation>Pedir algo</translation>
    </message>
    <message>
        <source>Water, a blanket, the bathroom, or tell the nurse how you feel.</source>
        <translation>Agua, una cobija, el baño, o decirle a la enfermera cómo se siente.</translation>
    </message>
</context>
<context>
    <name>RequestsScreen</name>
    <message>
        <source>What do you need?</source>
        <translation>¿Qué necesita?</translation>
    </message>
    <message>
        <source>Tells the nurse something is wrong</source>
        <translation>Avisa a la enfermera de que algo va mal</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the main screen</source>
        <translation>Volver a la pantalla principal</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel %1</source>
        <translation>Cancelar %1</translation>
    </message>
</context>
<context>
    <name>RestOverlay</name>
    <message>
        <source>Wake the screen</source>
        <translation>Encender la pantalla</translation>
    </message>
</context>
<context>
    <name>RoomCallController</name>
    <message>
        <source>This tablet lost its connection. Your call is saved and will be sent again. You can also call out.</source>
        <translation>Esta tableta perdió la conexión. Su llamada está guardada y se enviará de nuevo. También puede llamar en voz alta.</translation>
    </message>
    <message>
        <source>No nurse station is online: call out or use the wired call button</source>
        <translation>No hay ningún puesto de enfermería conectado: llame en voz alta o use el timbre de la cama</translation>
    </message>
    <message>
        <source>Calling the nurse station...</source>
        <translation>Llamando al puesto de enfermería...</translation>
    </message>
    <message>
        <source>Your call did not get through. Please call out or press the wired call button. We keep trying.</source>
        <translation>Su llamada no llegó. Por favor, llame en voz alta o pulse el timbre de la cama. Seguimos intentándolo.</translation>
    </message>
    <message>
        <source>The nurse station has your call</source>
        <translation>El puesto de enfermería tiene su llamada</translation>
    </message>
    <message>
        <source>A nurse is on the way</source>
        <translation>Una enfermera viene en camino</translation>
    </message>
    <message>
        <source>Sending...</source>
        <translation>Enviando...</translation>
    </message>
    <message>
        <source>Not through yet. We keep trying.</source>
        <translation>Aún no llegó. Seguimos intentándolo.</translation>
    </message>
    <message>
        <source>The nurse station has it</source>
        <translation>El puesto de enfermería lo tiene</translation>
    </message>
    <message>
        <source>Call nurse</source>
        <translation>Llamar a la enfermera</translation>
    </message>
</context>
<context>
    <name>RoomController</name>
    <message>
        <source>For staff: this tablet cannot reach the nurse station: %1</source>
        <translation>Para el personal: esta tableta no puede contactar con el puesto de enfermería: %1</translation>
    </message>
    <message>
        <source>For staff: calls and the session are not kept across a restart: %1</source>
        <translation>Para el personal: las llamadas y la sesión no se conservan al reiniciar: %1</translation>
    </message>
    <message>
        <source>For staff: music is unavailable: %1</source>
        <translation>Para el personal: la música no está disponible: %1</translation>
    </message>
    <message>
        <source>For staff: a sound will not play: %1</source>
        <translation>Para el personal: un sonido no se reproducirá: %1</translation>
    </message>
</context>
<context>
    <name>RoomOnTablet</name>
    <message>
        <source>never dimmed</source>
        <translation>nunca se oscurece</translation>
    </message>
    <message>
        <source>%1 to %2, the screen at %3%</source>
        <translation>de %1 a %2, la pantalla al %3%</translation>
    </message>
    <message>
        <source>silence</source>
        <translation>silencio</translation>
    </message>
    <message>
        <source>Music when a session starts in this room: %1. Changed on this tablet; the clinic's setting is %2.</source>
        <translation>Música al empezar una sesión en esta sala: %1. Cambiado en esta tableta; el ajuste de la clínica es %2.</translation>
    </message>
    <message>
        <source>Music when a session starts in this room: %1 (the clinic's setting).</source>
        <translation>Música al empezar una sesión en esta sala: %1 (el ajuste de la clínica).</translation>
    </message>
</context>
<context>
    <name>RoomScreen</name>
    <message>
        <source>For the nurse: hold for 3 seconds</source>
        <translation>Para la enfermera: mantener pulsado 3 segundos</translation>
    </message>
    <message>
        <source>Darken screen</source>
        <translation>Oscurecer pantalla</translation>
    </message>
    <message>
        <source>Dims the screen. Touch anywhere to wake it.</source>
        <translation>Oscurece la pantalla. Toque en cualquier lugar para encenderla.</translation>
    </message>
    <message>
        <source>Resting. Touch the screen to wake it.</source>
        <translation>En descanso. Toque la pantalla para encenderla.</translation>
    </message>
</context>
<context>
    <name>SessionArea</name>
    <message>
        <source>Your nurse will start your session.</source>
        <translation>Su enfermera empezará su sesión.</translation>
    </message>
    <message>
        <source>Your session time is over</source>
        <translation>El tiempo de su sesión terminó</translation>
    </message>
    <message>
        <source>Paused by your nurse</source>
        <translation>Pausada por su enfermera</translation>
    </message>
    <message>
        <source>Whole session: %1</source>
        <translation>Sesión completa: %1</translation>
    </message>
    <message>
        <source>Rest here. Your nurse will come to you.</source>
        <translation>Descanse aquí. Su enfermera vendrá a verle.</translation>
    </message>
    <message>
        <source>In a few minutes, the next part will begin: %1.</source>
        <translation>En unos minutos empieza la siguiente parte: %1.</translation>
    </message>
    <message>
        <source>Play %1</source>
        <translation>Reproducir %1</translation>
    </message>
    <message>
        <source>No thanks</source>
        <translation>No, gracias</translation>
    </message>
    <message>
        <source>No thanks, no music suggestion</source>
        <translation>No, gracias, sin sugerencia de música</translation>
    </message>
    <message>
        <source>Show the time</source>
        <translation>Mostrar el tiempo</translation>
    </message>
    <message>
        <source>Hide the time</source>
        <translation>Ocultar el tiempo</translation>
    </message>
    <message>
        <source>The name of this part of your session stays shown.</source>
        <translation>El nombre de esta parte de su sesión sigue a la vista.</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Next: %1. %2</source>
        <translation>Siguiente: %1. %2</translation>
    </message>
    <message>
        <source>Less than a minute left</source>
        <translation>Queda menos de un minuto</translation>
    </message>
    <message numerus="yes">
        <source>About %n minute(s) left</source>
        <translation>
            <numerusform>Queda %n minuto aproximadamente</numerusform>
            <numerusform>Quedan unos %n minutos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SpeechController</name>
    <message>
        <source>Your session time is over. Rest here. Your nurse will come to you.</source>
        <translation>El tiempo de su sesión terminó. Descanse aquí. Su enfermera vendrá a verle.</translation>
    </message>
    <message>
        <source>Your call is saved and will be sent again.</source>
        <translation>Su llamada está guardada y se enviará de nuevo.</translation>
    </message>
    <message>
        <source>Calling the nurse</source>
        <translation>Llamando a la enfermera</translation>
    </message>
    <message>
        <source>Your call did not get through. Please call out.</source>
        <translation>Su llamada no llegó. Por favor, llame en voz alta.</translation>
    </message>
    <message>
        <source>The nurse station has your call</source>
        <translation>El puesto de enfermería tiene su llamada</translation>
    </message>
    <message>
        <source>A nurse is on the way</source>
        <translation>Una enfermera viene en camino</translation>
    </message>
    <message>
        <source>Your nurse is here</source>
        <translation>Su enfermera está aquí</translation>
    </message>
    <message>
        <source>I will speak to you. Touch Speak to me again to stop.</source>
        <translation>Le hablaré. Toque Hábleme otra vez para parar.</translation>
    </message>
    <message>
        <source>You asked for: %1</source>
        <translation>Ha pedido: %1</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <source>This station cannot connect: %1. New calls cannot reach this screen.</source>
        <translation>Este puesto no puede conectarse: %1. Las llamadas nuevas no pueden llegar a esta pantalla.</translation>
    </message>
    <message>
        <source>Not connected to the broker. New calls cannot reach this screen.</source>
        <translation>Sin conexión con el servidor de mensajes. Las llamadas nuevas no pueden llegar a esta pantalla.</translation>
    </message>
    <message>
        <source>The chime cannot sound. Watch this screen for new calls.</source>
        <translation>El aviso no puede sonar. Vigile esta pantalla por si hay llamadas nuevas.</translation>
    </message>
    <message>
        <source>No open calls.</source>
        <translation>No hay llamadas abiertas.</translation>
    </message>
    <message>
        <source>1 more call below</source>
        <translation>1 llamada más abajo</translation>
    </message>
    <message>
        <source>%1 more calls below</source>
        <translation>%1 llamadas más abajo</translation>
    </message>
    <message>
        <source>Notices below</source>
        <translation>Avisos abajo</translation>
    </message>
    <message>
        <source>open call</source>
        <translation>llamada abierta</translation>
    </message>
    <message>
        <source>open calls</source>
        <translation>llamadas abiertas</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>con retraso</translation>
    </message>
    <message>
        <source>silent tablet</source>
        <translation>tableta sin contacto</translation>
    </message>
    <message>
        <source>silent tablets</source>
        <translation>tabletas sin contacto</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silencio</translation>
    </message>
    <message>
        <source>Silence the chime. Calls stay on the screen.</source>
        <translation>Silencia el aviso. Las llamadas siguen en la pantalla.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Today: response times</source>
        <translation>Hoy: tiempos de respuesta</translation>
    </message>
    <message>
        <source>1 more room below</source>
        <translation>1 sala más abajo</translation>
    </message>
    <message>
        <source>%1 more rooms below</source>
        <translation>%1 salas más abajo</translation>
    </message>
    <message>
        <source>%1 more rooms above</source>
        <translation>%1 salas más arriba</translation>
    </message>
    <message>
        <source>Seen</source>
        <translation>Visto</translation>
    </message>
    <message>
        <source>Seen: %1</source>
        <translation>Visto: %1</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resuelto</translation>
    </message>
    <message>
        <source>Resolved: clear the call from %1</source>
        <translation>Resuelto: quitar la llamada de %1</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Undo: keep the call from %1 open</source>
        <translation>Deshacer: mantener abierta la llamada de %1</translation>
    </message>
    <message>
        <source>On my way</source>
        <translation>Voy para allá</translation>
    </message>
    <message>
        <source>On my way to %1</source>
        <translation>Voy para %1</translation>
    </message>
</context>
<context>
    <name>StationController</name>
    <message>
        <source>Nurse station</source>
        <translation>Puesto de enfermería</translation>
    </message>
    <message>
        <source>Test call (commissioning)</source>
        <translation>Llamada de prueba (puesta en marcha)</translation>
    </message>
    <message>
        <source>Call for a nurse</source>
        <translation>Llamada a la enfermera</translation>
    </message>
    <message>
        <source>Request: %1</source>
        <translation>Petición: %1</translation>
    </message>
    <message>
        <source>Test call</source>
        <translation>Llamada de prueba</translation>
    </message>
    <message>
        <source>under 1 min</source>
        <translation>menos de 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Resolved: clears in %1 s</source>
        <translation>Resuelto: se quita en %1 s</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nueva</translation>
    </message>
    <message>
        <source>Waiting for a nurse</source>
        <translation>Esperando a una enfermera</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Con retraso</translation>
    </message>
    <message>
        <source>A nurse is on the way</source>
        <translation>Una enfermera viene en camino</translation>
    </message>
    <message>
        <source>On the way (%1)</source>
        <translation>En camino (%1)</translation>
    </message>
    <message>
        <source>Clears in %1 s</source>
        <translation>Se quita en %1 s</translation>
    </message>
    <message>
        <source>%1 is on the way</source>
        <translation>%1 va en camino</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Esperando</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>En camino</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Sin contacto</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Petición</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completa</translation>
    </message>
    <message>
        <source>Not seen</source>
        <translation>No vista</translation>
    </message>
    <message>
        <source>No session</source>
        <translation>Sin sesión</translation>
    </message>
    <message>
        <source>%1s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Unknown: this station has no link</source>
        <translation>Desconocido: este puesto no tiene conexión</translation>
    </message>
    <message>
        <source>Tablet online</source>
        <translation>Tableta conectada</translation>
    </message>
    <message>
        <source>Tablet not seen yet</source>
        <translation>Tableta aún no vista</translation>
    </message>
    <message>
        <source>No contact for %1 s</source>
        <translation>Sin contacto desde hace %1 s</translation>
    </message>
    <message>
        <source>No contact for %1 min</source>
        <translation>Sin contacto desde hace %1 min</translation>
    </message>
    <message>
        <source>Infusion complete</source>
        <translation>Infusión completa</translation>
    </message>
    <message>
        <source>%1 min left</source>
        <translation>quedan %1 min</translation>
    </message>
    <message>
        <source>No open calls</source>
        <translation>No hay llamadas abiertas</translation>
    </message>
    <message>
        <source>1 open call</source>
        <translation>1 llamada abierta</translation>
    </message>
    <message>
        <source>%1 open calls</source>
        <translation>%1 llamadas abiertas</translation>
    </message>
    <message>
        <source>%1: infusion time complete</source>
        <translation>%1: terminó el tiempo de infusión</translation>
    </message>
</context>
<context>
    <name>StationToday</name>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Today: response times</source>
        <translation>Hoy: tiempos de respuesta</translation>
    </message>
    <message>
        <source>Today: %1 calls</source>
        <translation>Hoy: %1 llamadas</translation>
    </message>
    <message>
        <source>On my way: half within %1, 9 in 10 within %2</source>
        <translation>Voy para allá: la mitad en menos de %1, 9 de cada 10 en menos de %2</translation>
    </message>
    <message>
        <source>Resolved: half within %1, 9 in 10 within %2</source>
        <translation>Resuelto: la mitad en menos de %1, 9 de cada 10 en menos de %2</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the response times</source>
        <translation>Cerrar los tiempos de respuesta</translation>
    </message>
    <message>
        <source>Time to on my way</source>
        <translation>Tiempo hasta "Voy para allá"</translation>
    </message>
    <message>
        <source>Time to resolved</source>
        <translation>Tiempo hasta "Resuelto"</translation>
    </message>
    <message>
        <source>Filled: half of calls were faster. Outline: 9 in 10.</source>
        <translation>Relleno: la mitad de las llamadas fue más rápida. Contorno: 9 de cada 10.</translation>
    </message>
</context>
<context>
    <name>TopicScreen</name>
    <message>
        <source>Back</source>
        <translation>Volver</translation>
    </message>
    <message>
        <source>Back to the list of what you may feel</source>
        <translation>Volver a la lista de lo que puede sentir</translation>
    </message>
    <message>
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <source>Read aloud</source>
        <translation>Leer en voz alta</translation>
    </message>
    <message>
        <source>Says the last part again</source>
        <translation>Dice otra vez lo último</translation>
    </message>
    <message>
        <source>Reads this topic aloud. Touch a part to hear only that part.</source>
        <translation>Lee este tema en voz alta. Toque una parte para oír solo esa parte.</translation>
    </message>
    <message>
        <source>Call the nurse about this</source>
        <translation>Llamar a la enfermera por esto</translation>
    </message>
    <message>
        <source>Asks a nurse to come and talk about: %1</source>
        <translation>Pide que una enfermera venga a hablar de: %1</translation>
    </message>
</context>
</TS>
