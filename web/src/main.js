// main.js: the staff web application's entry: Vue 3, Element Plus in
// Simplified Chinese, the router, and the global styles.
import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'
import 'element-plus/dist/index.css'
import 'dayjs/locale/zh-cn'
import App from './App.vue'
import router from './router.js'
import './style.css'

createApp(App).use(ElementPlus, { locale: zhCn }).use(router).mount('#app')
